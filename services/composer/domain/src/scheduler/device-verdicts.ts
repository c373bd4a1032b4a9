import { type Candidate } from './candidate-index.js';
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
  private readonly byDemand = new Map<DeviceDemand, Map<string, DeviceVerdict>>();

  constructor(private readonly framework: Framework) {}

  of(candidate: Candidate, context: GroupContext): DeviceVerdict {
    const { deviceFilters, deviceScorers } = this.framework;
    if (deviceFilters.perDevice.length === 0 && deviceScorers.perDevice.length === 0) {
      return noPerDevicePlugins;
    }
    let verdicts = this.byDemand.get(context.demand);
    if (!verdicts) this.byDemand.set(context.demand, (verdicts = new Map<string, DeviceVerdict>()));
    let verdict = verdicts.get(candidate.device.id);
    if (!verdict) {
      const refusal = firstRefusal(deviceFilters.perDevice, candidate, context);
      const score =
        refusal === undefined ? addScores(0, deviceScorers.perDevice, candidate, context) : 0;
      verdicts.set(candidate.device.id, (verdict = { refusal, score }));
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
