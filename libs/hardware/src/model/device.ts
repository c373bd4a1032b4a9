import type { DeviceKind, Health, Labels } from '../vocabulary.js';

export {
  deviceKinds,
  healthStates,
  type DeviceKind,
  type Health,
  type Labels,
} from '../vocabulary.js';

/**
 * Where a device stands in its life:
 * - `discovered`: seen by a discovery source (Redfish, an agent), waiting for its first health
 *   report before it is scheduled;
 * - `available`: schedulable; `reserved` / `attached`: held by or attached to a composition;
 * - `cordoned`: taken out of scheduling by an operator, with a reason;
 * - `failed`: broken (health critical or reported failed);
 * - `missing`: its source no longer reports it (never deleted silently);
 * - `retired`: removed from service for good; terminal.
 */
export const lifecycleStates = [
  'discovered',
  'available',
  'reserved',
  'attached',
  'cordoned',
  'failed',
  'missing',
  'retired',
] as const;
export type Lifecycle = (typeof lifecycleStates)[number];

/**
 * Typed attributes the scheduler filters on. Every field is optional: a source reports what it
 * knows. Units are in the names.
 */
export interface DeviceAttributes {
  /** GPU, accelerator or CXL memory capacity. */
  readonly memoryGiB?: number;
  /** Drive capacity (decimal terabytes, as vendors state it). */
  readonly capacityTB?: number;
  readonly pcieGeneration?: number;
  readonly pcieLanes?: number;
  /** Link or port bandwidth in gigabits per second. */
  readonly bandwidthGbps?: number;
  readonly numaNode?: number;
}

/** The attribute names above, for filters and validation. */
export { deviceAttributeNames, type DeviceAttributeName } from '../vocabulary.js';

/**
 * Where a device connects to a fabric: the endpoint that represents it on that fabric. A device
 * with no fabric endpoint is local to its host (`hostId`).
 */
export interface FabricAttachment {
  readonly fabricId: string;
  readonly endpointId: string;
}

/**
 * What a source declares about a device: identity, placement and capabilities. Health, labels
 * and lifecycle are state kept by the inventory (a source may report an initial health).
 */
export interface DeviceSpec {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly firmware?: string;
  readonly attributes: DeviceAttributes;
  /** The enclosure it sits in (JBOF, GPU chassis, expansion box), when pooled. */
  readonly enclosureId?: string;
  /** The host it sits in, when it is local to a host (not behind a fabric). */
  readonly hostId?: string;
  readonly attachments: readonly FabricAttachment[];
  /**
   * How many compositions may use it at once (Redfish `MaxCompositions`); 1 means exclusive.
   */
  readonly maxCompositions: number;
  readonly labels?: Labels;
  readonly health?: Health;
}
