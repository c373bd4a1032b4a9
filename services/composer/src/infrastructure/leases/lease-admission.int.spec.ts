import { CompositionSpecInvalidError, InvalidLeaseError } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
} from '../../test-support/composer-fixture.js';
import { capacityTimeline } from '../../application/capacity/index.js';
import { requestComposition } from '../../application/compose/request-composition.handler.js';
import { LedgerUsageSync } from '../pool/ledger-usage-sync.js';
import { at, financeLab, financeNode, leaseReplica } from './lease-test-lab.js';
import {
  cancelLease,
  getLease,
  type LeaseAdmission,
  type RequestLeaseCommand,
  requestLease,
} from '../../application/leases/index.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const lease = (
  start: string,
  end: string,
  overrides: Partial<RequestLeaseCommand> = {},
): RequestLeaseCommand => ({
  tenant: 'finance',
  name: 'quarter-end',
  spec: financeNode(2, 0),
  count: 1,
  start,
  end,
  requestedBy: 'alice',
  ...overrides,
});

function admitted(answer: LeaseAdmission): Extract<LeaseAdmission, { outcome: 'admitted' }> {
  if (answer.outcome !== 'admitted')
    throw new Error(`expected admission: ${JSON.stringify(answer)}`);
  return answer;
}
const deviceIdsOf = (answer: LeaseAdmission): string[] =>
  admitted(answer).held.flatMap((held) => held.groups.flatMap((group) => group.deviceIds));

describe('lease admission', () => {
  it('refuses overlapping windows on the same devices and admits the next window', async () => {
    const { deps } = await leaseReplica(fixture, 'replica-a', financeLab('ovl', 2, 0));
    const a = await requestLease(
      deps,
      lease('2025-12-28T12:00:00Z', '2026-01-03T00:00:00Z'),
      commandContext(),
    );
    expect(deviceIdsOf(a)).toEqual(['ovl-g00', 'ovl-g01']);

    const b = await requestLease(
      deps,
      lease('2025-12-30T00:00:00Z', '2026-01-02T00:00:00Z'),
      commandContext(),
    );
    expect(b).toMatchObject({
      outcome: 'rejected',
      shortfalls: [{ composition: 0, group: 'gpus' }],
    });
    if (b.outcome === 'rejected')
      expect(b.reason).toMatch(/composition 1 of 1 does not fit.*group gpus/);

    const c = await requestLease(
      deps,
      lease('2026-01-03T00:00:00Z', '2026-01-05T00:00:00Z'),
      commandContext(),
    );
    expect(deviceIdsOf(c)).toEqual(['ovl-g00', 'ovl-g01']);
    expect(await getLease(deps, b.leaseId)).toMatchObject({
      status: 'rejected',
      reason: b.outcome === 'rejected' ? b.reason : '',
    });
    expect(await getLease(deps, a.leaseId)).toMatchObject({
      status: 'admitted',
      held: admitted(a).held,
      start: '2025-12-28T12:00:00.000Z',
    });
    await expect(getLease(deps, 'no-such-lease')).rejects.toMatchObject({
      code: 'LEASE_NOT_FOUND',
    });
  });

  it('holds 8 finance nodes for the quarter end and keeps open-ended compositions off them', async () => {
    // A window still to come in real time: the ledger lets open-ended compositions have a
    // device once every hold on it is over (by the database's clock).
    const { deps } = await leaseReplica(fixture, 'replica-a', financeLab('qe', 18, 34));
    const answer = await requestLease(
      at(deps, '2030-12-20T00:00:00Z'),
      lease('2030-12-28T12:00:00Z', '2031-01-03T00:00:00Z', { spec: financeNode(2, 4), count: 8 }),
      commandContext(),
    );
    const held = deviceIdsOf(answer);
    expect(admitted(answer).held).toHaveLength(8);
    expect(new Set(held).size).toBe(8 * 6);
    expect(admitted(answer).held[0]).toEqual({
      hostId: 'h1',
      groups: [
        { group: 'gpus', deviceIds: ['qe-g00', 'qe-g01'] },
        { group: 'scratch', deviceIds: ['qe-n00', 'qe-n01', 'qe-n02', 'qe-n03'] },
      ],
    });
    // Another replica's index does not know the holds: the ledger refuses the held devices
    // (all those it asked for at once) and it chooses again until it lands on free ones.
    const other = fixture.replica('replica-b', financeLab('qe', 18, 34));
    const otherDeps = { ...other.deps, maxScheduleAttempts: 10 };
    const open = await requestComposition(
      otherDeps,
      { spec: financeNode(2, 0), idempotencyKey: 'qe-open', requestedBy: 'bob' },
      commandContext(),
    );
    expect(open.assignment?.groups[0]?.deviceIds).toEqual(['qe-g16', 'qe-g17']);
    const starved = await requestComposition(
      otherDeps,
      { spec: financeNode(1, 0), idempotencyKey: 'qe-starved', requestedBy: 'bob' },
      commandContext(),
    );
    expect(starved.status).toBe('failed');
    const { ledger } = other.persistence;
    await expect(
      ledger.reserve({
        reservationId: 'qe-direct',
        compositionId: 'qe-direct',
        owner: 'someone',
        expiresAt: new Date(Date.now() + 60_000),
        devices: [{ deviceId: 'qe-g00', maxCompositions: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'DEVICE_UNAVAILABLE', deviceIds: ['qe-g00'] });
  });

  it('admits exactly one of two concurrent leases for the last devices', async () => {
    const a = await leaseReplica(fixture, 'replica-a', financeLab('race', 2, 0));
    const b = await leaseReplica(fixture, 'replica-b', financeLab('race', 2, 0));
    const answers = await Promise.all([
      requestLease(a.deps, lease('2025-12-29T00:00:00Z', '2025-12-31T00:00:00Z'), commandContext()),
      requestLease(b.deps, lease('2025-12-30T00:00:00Z', '2026-01-01T00:00:00Z'), commandContext()),
    ]);
    expect(answers.map((answer) => answer.outcome).sort()).toEqual(['admitted', 'rejected']);
  });

  it('rejects a lease that would take its tenant past a quota during the window', async () => {
    const { deps } = await leaseReplica(fixture, 'replica-a', financeLab('quota', 6, 0));
    const { ledger } = fixture.replica('probe', financeLab('quota', 0, 0)).persistence;
    await ledger.quotas.set({ tenant: 'analytics', kind: 'gpu', maxDevices: 3 });
    const analytics = (from: string, to: string): RequestLeaseCommand =>
      lease(from, to, { tenant: 'analytics', spec: { ...financeNode(2, 0), tenant: 'analytics' } });
    const first = await requestLease(
      deps,
      analytics('2025-12-29T00:00:00Z', '2025-12-31T00:00:00Z'),
      commandContext(),
    );
    expect(first.outcome).toBe('admitted');
    const over = await requestLease(
      deps,
      analytics('2025-12-30T00:00:00Z', '2026-01-02T00:00:00Z'),
      commandContext(),
    );
    expect(over).toMatchObject({ outcome: 'rejected' });
    if (over.outcome === 'rejected') {
      expect(over.reason).toBe(
        'tenant analytics may hold 3 gpu device(s), holds 2 and asks for 2 more',
      );
    }
    const later = await requestLease(
      deps,
      analytics('2025-12-31T00:00:00Z', '2026-01-02T00:00:00Z'),
      commandContext(),
    );
    expect(later.outcome).toBe('admitted');
  });

  it('releases the holds of a lease cancelled before its start', async () => {
    const { deps } = await leaseReplica(fixture, 'replica-a', financeLab('cxl', 2, 0));
    const first = await requestLease(
      deps,
      lease('2025-12-29T00:00:00Z', '2025-12-31T00:00:00Z'),
      commandContext(),
    );
    expect(await cancelLease(deps, first.leaseId, 'plans changed', commandContext())).toEqual([
      'Cancelled',
    ]);
    expect(await cancelLease(deps, first.leaseId, 'plans changed', commandContext())).toEqual([]);
    const second = await requestLease(
      deps,
      lease('2025-12-29T00:00:00Z', '2025-12-31T00:00:00Z'),
      commandContext(),
    );
    expect(deviceIdsOf(second)).toEqual(['cxl-g00', 'cxl-g01']);
  });

  it('admits a later window on devices an earlier lease holds, after the ledger sync marks them full', async () => {
    const { deps, pool } = await leaseReplica(fixture, 'replica-a', financeLab('seq', 2, 0));
    const live = await deps.candidates();
    const sync = new LedgerUsageSync({ pool, index: live });
    const march = await requestLease(
      at(deps, '2030-03-01T00:00:00Z'),
      lease('2030-03-28T00:00:00Z', '2030-04-02T00:00:00Z'),
      commandContext(),
    );
    expect(deviceIdsOf(march)).toEqual(['seq-g00', 'seq-g01']);
    await sync.refresh();
    // Full for open-ended compositions now, but free for a window that does not meet March's.
    expect(live.allocationsOf('seq-g00')).toBe(1);
    expect(live.withoutLeasePromises().allocationsOf('seq-g00')).toBe(0);

    const june = await requestLease(
      at(deps, '2030-03-01T00:00:00Z'),
      lease('2030-06-28T00:00:00Z', '2030-07-02T00:00:00Z'),
      commandContext(),
    );
    expect(deviceIdsOf(june)).toEqual(['seq-g00', 'seq-g01']);

    const steps = await capacityTimeline(
      { candidates: deps.candidates, promised: deps.leases },
      {
        start: new Date('2030-03-27T00:00:00Z'),
        end: new Date('2030-03-29T00:00:00Z'),
        stepMs: 86_400_000,
      },
    );
    const gpus = steps.map((step) => step.kinds.find((kind) => kind.kind === 'gpu'));
    expect(gpus.map((kind) => [kind?.committed, kind?.free])).toEqual([
      [0, 2],
      [2, 0],
    ]);
    await sync.stop();
  });

  it('refuses a bad request naming the field, and stores nothing', async () => {
    const { deps } = await leaseReplica(fixture, 'replica-a', financeLab('bad', 2, 0));
    const before = await fixture.storedCounts();
    const bad: [Partial<RequestLeaseCommand>, string][] = [
      [{ start: '2025-12-30T00:00:00Z', end: '2025-12-29T00:00:00Z' }, 'end'],
      [{ start: '2025-12-01T00:00:00Z', end: '2025-12-29T00:00:00Z' }, 'start'],
      [{ count: 0 }, 'count'],
      [{ count: 1001 }, 'count'],
      [{ end: '2026-12-29T00:00:00Z' }, 'window'],
    ];
    for (const [change, field] of bad) {
      const attempt = requestLease(
        deps,
        { ...lease('2025-12-29T00:00:00Z', '2025-12-31T00:00:00Z'), ...change },
        commandContext(),
      );
      await expect(attempt).rejects.toBeInstanceOf(InvalidLeaseError);
      await expect(attempt).rejects.toMatchObject({ field });
    }
    await expect(
      requestLease(
        deps,
        lease('2025-12-29T00:00:00Z', '2025-12-31T00:00:00Z', {
          spec: { ...financeNode(1, 0), groups: [{ name: 'x', kind: 'tachyon', count: -2 }] },
        }),
        commandContext(),
      ),
    ).rejects.toBeInstanceOf(CompositionSpecInvalidError);
    expect(await fixture.storedCounts()).toEqual(before);
  });
});
