import { describe, expect, it } from 'vitest';
import {
  defaultSchedulerConfig,
  type GroupRequest,
  type SchedulingRequest,
} from '../scheduler/index.js';
import { smallLab } from '../scheduler/test-support/small-lab.js';
import { capacityByKind } from './capacity-by-kind.js';
import { InvalidCapacityQuestionError } from './capacity-errors.js';
import { capacityOf } from './capacity-of.js';

const bigGpus = (count: number, name = 'gpus'): GroupRequest => ({
  name,
  kind: 'gpu',
  count,
  selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 80 }],
});
const anyHost = (...groups: GroupRequest[]): SchedulingRequest => ({
  tenant: 'finance',
  host: { selector: {} },
  groups,
});
const ask = (
  request: SchedulingRequest,
  wanted: number,
  more: { limit?: number; unavailable?: string[] } = {},
) => {
  const index = smallLab();
  const answer = capacityOf(index, {
    request,
    wanted,
    limit: more.limit,
    unavailable: new Set(more.unavailable),
    config: defaultSchedulerConfig,
  });
  return { index, answer };
};

describe('capacityOf', () => {
  it('counts what fits by placing one after another, leaving the live index untouched', () => {
    // 80 GiB GPUs the schedulable hosts reach: g1, g2 (h1) and g4 (h1, h2); g5 is critical.
    const { index, answer } = ask(anyHost(bigGpus(1)), 2, { limit: 10 });
    expect(answer).toMatchObject({ outcome: 'answered', fits: 3, wanted: 2, enough: true });
    const chosen = answer.outcome === 'answered' ? answer.placements : [];
    expect(chosen.flatMap((p) => p.groups.flatMap((g) => g.deviceIds)).sort()).toEqual([
      'g1',
      'g2',
      'g4',
    ]);
    expect(['g1', 'g2', 'g4'].map((id) => index.allocationsOf(id))).toEqual([0, 0, 0]);
  });

  it('stops at the limit without a shortage', () => {
    const { answer } = ask(anyHost(bigGpus(1)), 2);
    expect(answer).toMatchObject({ outcome: 'answered', fits: 2, enough: true });
    expect(answer.outcome === 'answered' && answer.shortage).toBeUndefined();
  });

  it('keeps promised devices out of every placement', () => {
    const { answer } = ask(anyHost(bigGpus(1)), 3, { unavailable: ['g1', 'g4'] });
    expect(answer).toMatchObject({ outcome: 'answered', fits: 1, enough: false });
    expect(answer.outcome === 'answered' && answer.placements[0]?.groups[0]?.deviceIds).toEqual([
      'g2',
    ]);
  });

  it('says how many devices of which kind are missing, and behind which switches', () => {
    const { answer } = ask({ ...anyHost(bigGpus(2)), host: { hostId: 'h1' } }, 2);
    if (answer.outcome !== 'answered') throw new Error('expected an answer');
    expect(answer.fits).toBe(1);
    expect(answer.shortage?.groups).toEqual([
      {
        group: 'gpus',
        kind: 'gpu',
        count: 2,
        bestFit: 1,
        missing: 1,
        closestHost: 'h1',
        switches: ['sw1', 'sw2', 'sw3'],
        reachable: 5,
        free: 2,
        reason: 'needs 2 gpu, 1 left after filters',
      },
    ]);
    expect(answer.shortage?.unschedulable.groups[0]?.filteredBy).toMatchObject({
      DeviceCapacity: 2,
    });
  });

  it('names no host when none can take even one device', () => {
    const { answer } = ask(anyHost(bigGpus(1)), 4);
    if (answer.outcome !== 'answered') throw new Error('expected an answer');
    expect(answer).toMatchObject({ fits: 3, enough: false });
    expect(answer.shortage?.groups[0]).toMatchObject({
      bestFit: 0,
      missing: 1,
      switches: [],
      reachable: 5,
    });
    expect(answer.shortage?.groups[0]?.closestHost).toBeUndefined();
  });

  it('reports nothing missing for groups that fit alone but not together', () => {
    const request: SchedulingRequest = {
      tenant: 'finance',
      host: { hostId: 'h2' },
      groups: [
        { name: 'pair', kind: 'gpu', count: 2 },
        { name: 'single', kind: 'gpu', count: 1 },
      ],
    };
    const { answer } = ask(request, 1);
    if (answer.outcome !== 'answered') throw new Error('expected an answer');
    expect(answer.fits).toBe(0);
    expect(answer.shortage?.groups.map((g) => [g.group, g.bestFit, g.missing, g.reason])).toEqual([
      ['pair', 2, 0, 'fits on 1 examined host(s), but none fits every group'],
      // after the pair took both GPUs of h2: alone it fits, so nothing is missing for it either
      ['single', 1, 0, 'needs 1 gpu, 0 left after filters'],
    ]);
  });

  it('counts its own placements against the tenant quota', () => {
    const quotas = { limits: { finance: { gpu: 3 } }, usage: { finance: { gpu: 1 } } };
    const answer = capacityOf(smallLab(), {
      request: anyHost(bigGpus(1)),
      wanted: 3,
      config: { ...defaultSchedulerConfig, quotas },
    });
    expect(answer).toMatchObject({ outcome: 'answered', fits: 2, enough: false });
    expect(answer.outcome === 'answered' && answer.shortage?.groups[0]?.reason).toMatch(
      /^TenantQuota: tenant finance may hold 3 gpu, holds 3/,
    );
  });

  it.each([
    [0, undefined, 'wanted'],
    [1001, undefined, 'wanted'],
    [1.5, undefined, 'wanted'],
    [3, 2, 'limit'],
    [3, 1001, 'limit'],
  ])('refuses wanted %s with limit %s', (wanted, limit, field) => {
    expect(() => ask(anyHost(bigGpus(1)), wanted, { limit })).toThrow(
      expect.objectContaining({ field, constructor: InvalidCapacityQuestionError }),
    );
  });
});

describe('capacityByKind', () => {
  it('counts total, schedulable, in use, promised and free devices per kind', () => {
    const index = smallLab();
    index.setAllocations('g1', 1);
    expect(capacityByKind(index, new Set(['g2', 'n5']))).toEqual([
      { kind: 'gpu', total: 5, schedulable: 4, inUse: 1, promised: 1, free: 2 },
      { kind: 'nvme', total: 5, schedulable: 5, inUse: 0, promised: 1, free: 4 },
    ]);
  });
});
