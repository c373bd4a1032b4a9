import { type DeviceKind } from '@tessera/hardware';
import { type ManifestDevice, type ManifestEndpoint } from '../manifest/index.js';
import { type DeviceModel } from './device-catalog.js';
import { type Random } from './prng.js';

/** About one device in 70 reports a warning (a worn drive, a correctable-error storm). */
const warningRate = 1 / 70;

export interface DeviceDetails {
  readonly capacityTB?: number;
  readonly memoryGiB?: number;
  readonly numaNode?: number;
  readonly maxCompositions?: number;
  readonly endpoint?: ManifestEndpoint;
}

/** A device of a model, with the model's figures and a serial of the vendor's shape. */
export function labDevice(
  id: string,
  kind: DeviceKind,
  model: DeviceModel,
  random: Random,
  details: DeviceDetails = {},
): ManifestDevice {
  const memoryGiB = details.memoryGiB ?? model.memoryGiB;
  return {
    id,
    kind,
    vendor: model.vendor,
    model: model.model,
    serial: model.serialPrefix + random.alphanumeric(10),
    firmware: model.firmware,
    ...(details.capacityTB === undefined ? {} : { capacityTB: details.capacityTB }),
    ...(memoryGiB === undefined ? {} : { memoryGiB }),
    pcieGeneration: model.pcieGeneration,
    pcieLanes: model.pcieLanes,
    ...(model.bandwidthGbps === undefined ? {} : { bandwidthGbps: model.bandwidthGbps }),
    ...(details.numaNode === undefined ? {} : { numaNode: details.numaNode }),
    ...(details.maxCompositions === undefined ? {} : { maxCompositions: details.maxCompositions }),
    health: random.chance(warningRate) ? 'warning' : 'ok',
    ...(details.endpoint === undefined ? {} : { endpoints: [details.endpoint] }),
  };
}

/** Shared by 2 to 4 compositions with the given probability, else exclusive (left out). */
export function sharing(random: Random, probability: number): number | undefined {
  return random.chance(probability) ? random.int(2, 4) : undefined;
}
