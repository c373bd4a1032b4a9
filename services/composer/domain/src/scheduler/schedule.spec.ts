import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index.js';
import { builtinPlugins, defaultSchedulerConfig, type PluginRegistry } from './registry.js';
import { preview, schedule, unreserve } from './schedule.js';
import { type GroupRequest, type SchedulingRequest } from './scheduling-request.js';
import { pluginError, success, unschedulable } from './status.js';
import { device, host, route } from './test-support/pool.js';
import { smallLab } from './test-support/small-lab.js';

const bigGpus = { attribute: 'memoryGiB', op: 'gte', value: 80 } as const;
const onH1 = (...groups: GroupRequest[]): SchedulingRequest => ({
  tenant: 'acme',
  host: { hostId: 'h1' },
  groups,
});
const anyHost = (...groups: GroupRequest[]): SchedulingRequest => ({
  tenant: 'acme',
  host: { selector: {} },
  groups,
});

describe('schedule on a small lab', () => {
  it('picks the nearest matching devices per group, ties broken by id', () => {
    const outcome = schedule(
      anyHost(
        { name: 'gpus', kind: 'gpu', count: 2, selectors: [bigGpus] },
        { name: 'drives', kind: 'nvme', count: 2 },
      ),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toEqual({
      outcome: 'scheduled',
      hostId: 'h1',
      groups: [
        { name: 'gpus', alternative: null, deviceIds: ['g1', 'g2'] },
        { name: 'drives', alternative: null, deviceIds: ['n1', 'n2'] },
      ],
    });
  });

  it('keeps a peer-to-peer group under one switch', () => {
    const lab = smallLab();
    lab.setAllocations('g2', 1);
    const outcome = preview(
      onH1({
        name: 'p2p',
        kind: 'gpu',
        count: 2,
        selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 40 }],
        constraints: { sameSwitchAs: 'group' },
      }),
      lab,
      defaultSchedulerConfig,
    );
    expect(outcome).toMatchObject({ groups: [{ deviceIds: ['g3', 'g4'] }] });
  });

  it('spreads a group across enclosures', () => {
    const outcome = preview(
      onH1({
        name: 'gpus',
        kind: 'gpu',
        count: 2,
        selectors: [bigGpus],
        constraints: { spreadAcross: 'enclosure' },
      }),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toMatchObject({ groups: [{ deviceIds: ['g1', 'g4'] }] });
  });

  it('falls back to the first alternative that fits, and says which', () => {
    const outcome = preview(
      onH1({
        name: 'gpus',
        kind: 'gpu',
        count: 1,
        selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 100 }],
        alternatives: [
          { kind: 'gpu', count: 9 },
          {
            kind: 'gpu',
            count: 2,
            selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 40 }],
            constraints: { sameSwitchAs: 'group' },
          },
        ],
      }),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toMatchObject({
      outcome: 'scheduled',
      groups: [{ name: 'gpus', alternative: 1, deviceIds: ['g1', 'g2'] }],
    });
  });

  it('chooses only hosts the selector matches', () => {
    const request: SchedulingRequest = {
      tenant: 'acme',
      host: { selector: { rack: 'r2' } },
      groups: [{ name: 'gpus', kind: 'gpu', count: 1 }],
    };
    expect(preview(request, smallLab(), defaultSchedulerConfig)).toMatchObject({
      hostId: 'h2',
      groups: [{ deviceIds: ['g3'] }],
    });
  });
});

describe('bin-packing versus spreading', () => {
  function twoPools(): CandidateIndex {
    const index = new CandidateIndex();
    for (const side of ['A', 'B']) {
      index.upsertHost(host(`h${side}`));
      const ids = [1, 2, 3].map((n) => `g${side}${n}`);
      for (const id of ids) index.upsertDevice(device(id, { enclosureId: `e${side}` }));
      index.setRoutes(
        `h${side}`,
        ids.map((id) => route(id)),
      );
    }
    index.setAllocations('gA3', 1);
    return index;
  }
  const request = anyHost({ name: 'gpu', kind: 'gpu', count: 1 });

  it('binpack fills the host and enclosure already in use', () => {
    expect(preview(request, twoPools(), defaultSchedulerConfig)).toMatchObject({
      hostId: 'hA',
      groups: [{ deviceIds: ['gA1'] }],
    });
  });

  it('spread prefers the emptier host and enclosure', () => {
    const config = { ...defaultSchedulerConfig, strategy: 'spread' } as const;
    expect(preview(request, twoPools(), config)).toMatchObject({
      hostId: 'hB',
      groups: [{ deviceIds: ['gB1'] }],
    });
  });
});

describe('bounded search over many hosts', () => {
  /** `hosts` hosts, each reaching two GPUs of its own. */
  function wide(hosts: number): CandidateIndex {
    const index = new CandidateIndex();
    for (let at = 0; at < hosts; at += 1) {
      const hostId = `h${String(at).padStart(2, '0')}`;
      index.upsertHost(host(hostId));
      const ids = [`${hostId}-g1`, `${hostId}-g2`];
      for (const id of ids) index.upsertDevice(device(id, { enclosureId: `e-${hostId}` }));
      index.setRoutes(
        hostId,
        ids.map((id) => route(id)),
      );
    }
    return index;
  }
  const twoGpus = anyHost({ name: 'gpu', kind: 'gpu', count: 2 });
  const hostOf = (outcome: ReturnType<typeof schedule>) =>
    outcome.outcome === 'scheduled' ? outcome.hostId : outcome.outcome;

  it('starts each search past the hosts the last decision examined, wrapping around', () => {
    const index = wide(5);
    const config = { ...defaultSchedulerConfig, maxHostsToScore: 2 };
    // Each decision scores the first two free hosts from its start (ties go to the lower id)
    // and the next one starts past every host it examined, full ones included: starts 0, 2,
    // 4 (h04, then h00 full, h01), 7 → 2 (h02 full, h03, h04), 10 → 0 (four full, h04).
    const picks = [1, 2, 3, 4, 5, 6].map(() => hostOf(schedule(twoGpus, index, config)));
    expect(picks).toEqual(['h00', 'h02', 'h01', 'h03', 'h04', 'unschedulable']);
  });

  it('does not move the start for a preview', () => {
    const index = wide(3);
    const config = { ...defaultSchedulerConfig, maxHostsToScore: 1 };
    expect(hostOf(preview(twoGpus, index, config))).toBe('h00');
    expect(hostOf(preview(twoGpus, index, config))).toBe('h00');
  });
});

describe('reserve', () => {
  const oneBigGpu = onH1({ name: 'gpu', kind: 'gpu', count: 1, selectors: [bigGpus] });
  const chosen = (outcome: ReturnType<typeof schedule>) =>
    outcome.outcome === 'scheduled' ? outcome.groups[0]?.deviceIds : outcome.outcome;

  it('holds what it chose, so the next decision picks other devices; previews hold nothing', () => {
    const lab = smallLab();
    expect(chosen(preview(oneBigGpu, lab, defaultSchedulerConfig))).toEqual(['g1']);
    expect(chosen(preview(oneBigGpu, lab, defaultSchedulerConfig))).toEqual(['g1']);
    const picks = [1, 2, 3, 4].map(() => chosen(schedule(oneBigGpu, lab, defaultSchedulerConfig)));
    expect(picks).toEqual([['g1'], ['g2'], ['g4'], 'unschedulable']);
  });

  it('unreserve gives the devices back', () => {
    const lab = smallLab();
    const outcome = schedule(oneBigGpu, lab, defaultSchedulerConfig);
    if (outcome.outcome !== 'scheduled') throw new Error('expected a decision');
    unreserve(oneBigGpu, outcome, lab, defaultSchedulerConfig);
    expect(lab.allocationsOf('g1')).toBe(0);
  });

  it('tries the next host when a reserve plugin refuses, undoing the ones that held', () => {
    const registry = {
      ...builtinPlugins,
      RefuseH1: () => ({
        name: 'RefuseH1',
        reserve: (decision: { hostId: string }) =>
          decision.hostId === 'h1' ? unschedulable('h1 is draining') : success,
        unreserve: () => undefined,
      }),
    } satisfies PluginRegistry;
    const config = { ...defaultSchedulerConfig, reservers: ['AssumeInIndex', 'RefuseH1'] };
    const lab = smallLab();
    const request = anyHost({ name: 'gpu', kind: 'gpu', count: 1, selectors: [bigGpus] });

    expect(schedule(request, lab, config, registry)).toMatchObject({
      hostId: 'h2',
      groups: [{ deviceIds: ['g4'] }],
    });
    expect([lab.allocationsOf('g1'), lab.allocationsOf('g4')]).toEqual([0, 1]);
  });

  it('stops with an error outcome when a plugin cannot decide', () => {
    const registry = {
      ...builtinPlugins,
      Broken: () => ({ name: 'Broken', filterDevice: () => pluginError('no topology yet') }),
    } satisfies PluginRegistry;
    const config = { ...defaultSchedulerConfig, filters: ['Broken'] };
    const lab = smallLab();
    expect(schedule(oneBigGpu, lab, config, registry)).toEqual({
      outcome: 'error',
      plugin: 'Broken',
      message: 'no topology yet',
    });
    expect(lab.allocationsOf('g1')).toBe(0);
  });
});
