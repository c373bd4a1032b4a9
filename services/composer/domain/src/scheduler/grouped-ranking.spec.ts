import { describe, expect, it } from 'vitest';
import { CandidateIndex, type RouteRecord } from './candidate-index.js';
import { type PlacementPlugin } from './framework.js';
import { failureDomainSpreadPlugin } from './plugins/failure-domain-spread.js';
import { sameSwitchPlugin } from './plugins/same-switch.js';
import { builtinPlugins, defaultSchedulerConfig, type PluginRegistry } from './registry.js';
import { schedule, type ScheduleOutcome } from './schedule.js';
import { type SchedulingRequest } from './scheduling-request.js';
import { device, host } from './test-support/pool.js';

/** A small deterministic generator, so that a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Hosts reaching drives and GPUs in several enclosures and racks, below several switches, at 1
 * or 2 hops, some of them sharable: many equal scores, so ties and their order matter.
 */
function mixedPool(seed: number): CandidateIndex {
  const random = seeded(seed);
  const index = new CandidateIndex();
  const deviceIds: string[] = [];
  for (let d = 0; d < 240; d += 1) {
    const id = `d${String(d).padStart(3, '0')}`;
    index.upsertDevice(
      device(id, {
        kind: d % 3 === 0 ? 'gpu' : 'nvme',
        enclosureId: `e${Math.floor(random() * 8)}`,
        rackId: `r${Math.floor(random() * 3)}`,
        maxCompositions: random() < 0.2 ? 2 : 1,
      }),
    );
    deviceIds.push(id);
  }
  for (let h = 0; h < 24; h += 1) {
    const hostId = `h${String(h).padStart(2, '0')}`;
    index.upsertHost(host(hostId));
    const routes: RouteRecord[] = deviceIds
      .filter(() => random() < 0.6)
      .map((deviceId) => {
        const leaf = `sw${Math.floor(random() * 5)}`;
        const switchPath = random() < 0.5 ? [leaf] : [`spine${h % 2}`, leaf];
        return { deviceId, hops: switchPath.length, switchPath };
      });
    index.setRoutes(hostId, routes);
  }
  return index;
}

function request(name: string, groups: SchedulingRequest['groups']): SchedulingRequest {
  return { tenant: 'acme', host: { selector: {} }, groups };
}

const requests: readonly SchedulingRequest[] = [
  request('spread drives', [
    { name: 'drives', kind: 'nvme', count: 5, constraints: { spreadAcross: 'enclosure' } },
  ]),
  request('gpus on one switch', [
    { name: 'gpus', kind: 'gpu', count: 3, constraints: { sameSwitchAs: 'group' } },
  ]),
  request('both, and racks', [
    { name: 'gpus', kind: 'gpu', count: 2, constraints: { sameSwitchAs: 'group' } },
    { name: 'drives', kind: 'nvme', count: 4, constraints: { spreadAcross: 'rack' } },
  ]),
  request('spread on one switch', [
    {
      name: 'drives',
      kind: 'nvme',
      count: 3,
      constraints: { sameSwitchAs: 'group', spreadAcross: 'enclosure' },
    },
  ]),
];

/** The same plugins, except that the placements do not say how they group candidates. */
function ungrouped<P extends PlacementPlugin>(plugin: P): P {
  return { ...plugin, groupOf: undefined };
}
const registryWithoutGroups = {
  ...builtinPlugins,
  SameSwitch: () => ungrouped(sameSwitchPlugin),
  FailureDomainSpread: () => ungrouped(failureDomainSpreadPlugin),
} satisfies PluginRegistry;

describe('keeping the best of each group for a grouping placement', () => {
  it.each([1, 2, 3])(
    'chooses what ranking every candidate chooses, decision after decision (pool %i)',
    (seed) => {
      const grouped = mixedPool(seed);
      const everyCandidate = mixedPool(seed);
      const outcomes: ScheduleOutcome[] = [];
      for (let step = 0; step < 60; step += 1) {
        const next = requests[step % requests.length];
        if (!next) throw new RangeError('no requests');
        const expected = schedule(
          next,
          everyCandidate,
          defaultSchedulerConfig,
          registryWithoutGroups,
        );
        const actual = schedule(next, grouped, defaultSchedulerConfig);
        expect(actual, `step ${step}`).toEqual(expected);
        outcomes.push(actual);
      }
      // The pools fill up: decisions were made, and some requests stopped fitting.
      expect(outcomes.filter((o) => o.outcome === 'scheduled').length).toBeGreaterThan(10);
      expect(outcomes.some((o) => o.outcome === 'unschedulable')).toBe(true);
    },
  );
});
