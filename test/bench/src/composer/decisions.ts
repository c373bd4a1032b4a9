import { type CompositionSpec, scheduler } from '@tessera/composer-domain';
import { schedulingRequestOf } from '@tessera/composer';
import { LatencyRecorder, perSecond } from '../core/latency-recorder.js';
import type { LatencySummary } from '../core/percentiles.js';
import { now } from '../core/timing.js';

export interface DecisionReport {
  readonly decisions: number;
  readonly scheduled: number;
  readonly unschedulable: number;
  readonly decisionsPerSecond: number;
  readonly decisionMs: LatencySummary;
}

/**
 * Scheduling decisions one after another on the lab's index, as one composer replica makes
 * them: each placement is assumed in the index (as the compose path does before the ledger
 * confirms), so the pool fills as the run goes on. The first `warmUp` decisions are not timed.
 */
export function runDecisions(
  index: scheduler.CandidateIndex,
  specs: readonly CompositionSpec[],
  warmUp: number,
  measured: number,
): DecisionReport {
  const config = scheduler.defaultSchedulerConfig;
  const requests = specs.map(schedulingRequestOf);
  const recorder = new LatencyRecorder();
  let scheduled = 0;
  let unschedulable = 0;
  let timed = 0;
  for (let at = 0; at < warmUp + measured; at += 1) {
    const request = requests[at % requests.length];
    if (request === undefined) throw new RangeError('the decision mix is empty');
    const started = now();
    const outcome = scheduler.schedule(request, index, config);
    const took = now() - started;
    if (at < warmUp) continue;
    recorder.record(took);
    timed += took;
    if (outcome.outcome === 'scheduled') scheduled += 1;
    else unschedulable += 1;
  }
  return {
    decisions: measured,
    scheduled,
    unschedulable,
    decisionsPerSecond: perSecond(measured, timed),
    decisionMs: recorder.summary(),
  };
}

/** The mix of requests a decision run cycles through: the tour's server and three variants. */
export function decisionMix(): CompositionSpec[] {
  const base = { tenant: 'bench', host: { selector: {} } } as const;
  return [
    {
      ...base,
      name: 'gpu-server',
      groups: [
        { name: 'gpus', kind: 'gpu', count: 2 },
        { name: 'drives', kind: 'nvme', count: 4 },
      ],
    },
    {
      ...base,
      name: 'big-gpu',
      groups: [
        {
          name: 'gpus',
          kind: 'gpu',
          count: 4,
          selectors: [{ attribute: 'memoryGiB', op: '>=', value: 80 }],
          constraints: { sameSwitchAs: 'group' },
        },
      ],
    },
    {
      ...base,
      name: 'spread-storage',
      groups: [
        { name: 'drives', kind: 'nvme', count: 6, constraints: { spreadAcross: 'enclosure' } },
      ],
    },
    {
      ...base,
      name: 'nic-and-fpga',
      host: { selector: { minCores: 32 } },
      groups: [
        { name: 'nic', kind: 'nic', count: 1 },
        { name: 'fpga', kind: 'fpga', count: 1, alternatives: [{ kind: 'dpu', count: 1 }] },
      ],
    },
  ];
}
