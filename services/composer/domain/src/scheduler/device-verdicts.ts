import { type Candidate, type DeviceRecord } from './candidate-index.js';
import { type DeviceFilterPlugin, type DeviceScorePlugin, type GroupContext } from './framework.js';
import { type Framework } from './registry.js';
import { type DeviceDemand } from './scheduling-request.js';
import { type Failure } from './status.js';

/** The device filter that refused a candidate first, and what it said. */
export interface Refusal {
  readonly plugin: string;
  readonly status: Failure;
}

/** What the per-device filters and scorers answered for one device and demand. */
interface DeviceVerdict {
  readonly refusal: Refusal | undefined;
  /** The weighted sum of the per-device scorers (0 when refused). */
  readonly score: number;
}

const noPerDevicePlugins: DeviceVerdict = { refusal: undefined, score: 0 };

/**
 * One decision's answers of the per-device plugins (see `PerDevice`), per demand and device: a
 * device that many examined hosts reach (a drive on an NVMe-oF fabric reaches hundreds) is
 * judged once, not once per host. Good for one decision only, while the pool stays as it is.
 */
export class DeviceVerdicts {
  private readonly byDemand = new Map<DeviceDemand, DemandVerdicts>();

  constructor(private readonly framework: Framework) {}

  /** The verdicts of one demand: look it up once per host, then ask it per candidate. */
  of(demand: DeviceDemand): DemandVerdicts {
    let verdicts = this.byDemand.get(demand);
    if (!verdicts) {
      this.byDemand.set(demand, (verdicts = new DemandVerdicts(this.framework, demand)));
    }
    return verdicts;
  }
}

/**
 * The per-device verdicts of one demand, by device record: within a decision the index does
 * not change, so a device has one record however many hosts list it. Also the route filters
 * that may refuse something for the demand (`mayRefuse`), for the caller to ask per route.
 */
export class DemandVerdicts {
  readonly routeFilters: readonly DeviceFilterPlugin[];
  private readonly byDevice = new Map<DeviceRecord, DeviceVerdict>();
  private readonly filters: readonly DeviceFilterPlugin[];
  private readonly scorers: Framework['deviceScorers']['perDevice'];

  constructor(framework: Framework, demand: DeviceDemand) {
    const mayRefuse = (plugin: DeviceFilterPlugin) => plugin.mayRefuse?.(demand) ?? true;
    this.filters = framework.deviceFilters.perDevice.filter(mayRefuse);
    this.scorers = framework.deviceScorers.perDevice;
    this.routeFilters = framework.deviceFilters.perRoute.filter(mayRefuse);
  }

  of(candidate: Candidate, context: GroupContext): DeviceVerdict {
    if (this.filters.length === 0 && this.scorers.length === 0) return noPerDevicePlugins;
    let verdict = this.byDevice.get(candidate.device);
    if (!verdict) {
      const refusal = firstRefusal(this.filters, candidate, context);
      const score = refusal === undefined ? addScores(0, this.scorers, candidate, context) : 0;
      this.byDevice.set(candidate.device, (verdict = { refusal, score }));
    }
    return verdict;
  }
}

export function firstRefusal(
  filters: readonly DeviceFilterPlugin[],
  candidate: Candidate,
  context: GroupContext,
): Refusal | undefined {
  for (const plugin of filters) {
    const status = plugin.filterDevice(candidate, context);
    if (status.code !== 'success') return { plugin: plugin.name, status };
  }
  return undefined;
}

/** `total` plus each scorer's weighted score, added in order. */
export function addScores(
  total: number,
  scorers: readonly { readonly plugin: DeviceScorePlugin; readonly weight: number }[],
  candidate: Candidate,
  context: GroupContext,
): number {
  let sum = total;
  for (const { plugin, weight } of scorers) sum += weight * plugin.scoreDevice(candidate, context);
  return sum;
}
