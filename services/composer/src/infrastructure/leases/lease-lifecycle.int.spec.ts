import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
} from '../../test-support/composer-fixture.js';
import { LeaseSchedulerJob } from './index.js';
import { recordObservation, scheduleAndAttach } from '../../application/attach/index.js';
import {
  advanceLeases,
  type LeaseAdmission,
  requestLease,
} from '../../application/leases/index.js';
import { at, financeLab, financeNode, type LeaseReplica, leaseReplica } from './lease-test-lab.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const start = '2025-12-28T12:00:00.000Z';
const end = '2026-01-03T00:00:00.000Z';

describe('lease lifecycle', () => {
  it('composes exactly the held devices at the start, warns ahead of the end, then decomposes and lets go', async () => {
    const { deps, book } = await leaseReplica(fixture, 'replica-a', financeLab('life', 18, 34));
    const answer = await requestLease(
      deps,
      {
        tenant: 'finance',
        name: 'quarter-end',
        spec: financeNode(2, 4),
        count: 8,
        start,
        end,
        requestedBy: 'alice',
      },
      commandContext(),
    );
    if (answer.outcome !== 'admitted') throw new Error(JSON.stringify(answer));
    const { ledger, pool } = fixture.replica('probe', financeLab('x', 0, 0)).persistence;

    expect(await advanceLeases(at(deps, '2025-12-28T11:59:59.999Z'), commandContext())).toEqual({
      advanced: [],
      contended: [],
    });
    const started = await advanceLeases(at(deps, start), commandContext());
    expect(started.advanced).toEqual([{ leaseId: answer.leaseId, facts: ['Started'] }]);
    const { state: lease } = await book.load(answer.leaseId);
    if (lease.status !== 'started') throw new Error(lease.status);
    expect(lease.compositionIds).toHaveLength(8);
    for (const [position, compositionId] of lease.compositionIds.entries()) {
      const { state } = await deps.compositions.load(compositionId);
      const heldIds = answer.held[position]!.groups.flatMap((group) => group.deviceIds).sort();
      expect(state.status).toBe('attaching');
      if (state.status === 'absent') continue;
      expect(state.bindings.map((binding) => binding.deviceId).sort()).toEqual(heldIds);
      const rows = await ledger.allocationsOf(compositionId);
      expect(rows.map((row) => row.deviceId).sort()).toEqual(heldIds);
    }
    // A second run, or another replica's, finds nothing left to do.
    expect((await advanceLeases(at(deps, start), commandContext())).advanced).toEqual([]);

    const warned = await advanceLeases(at(deps, '2026-01-02T23:50:00.000Z'), commandContext());
    expect(warned.advanced).toEqual([{ leaseId: answer.leaseId, facts: ['EndingSoon'] }]);
    expect(
      (await advanceLeases(at(deps, '2026-01-02T23:55:00.000Z'), commandContext())).advanced,
    ).toEqual([]);

    const job = new LeaseSchedulerJob({ pool, deps: at(deps, end) });
    expect((await job.runOnce())?.advanced).toEqual([
      { leaseId: answer.leaseId, facts: ['Ended'] },
    ]);
    for (const compositionId of lease.compositionIds) {
      const { state } = await deps.compositions.load(compositionId);
      expect(['decomposing', 'decomposed']).toContain(state.status);
    }
    expect(await ledger.leaseHolds.heldFor(pool, answer.leaseId)).toEqual([]);
    const events = await pool.query<{ type: string }>(
      `SELECT type FROM composer.events WHERE stream_id = $1 ORDER BY stream_version`,
      [`lease-${answer.leaseId}`],
    );
    expect(events.rows.map((row) => row.type)).toEqual([
      'tessera.composer.v1.LeaseRequested',
      'tessera.composer.v1.LeaseAdmitted',
      'tessera.composer.v1.LeaseStarted',
      'tessera.composer.v1.LeaseEndingSoon',
      'tessera.composer.v1.LeaseEnded',
    ]);
  });

  it('starts a lease on devices held for a later lease too, and the later one after it ends', async () => {
    const { deps, book } = await leaseReplica(fixture, 'replica-a', financeLab('seq', 2, 0));
    const leaseOn = (from: string, to: string, name: string): Promise<LeaseAdmission> =>
      requestLease(
        deps,
        {
          tenant: 'finance',
          name,
          spec: financeNode(2, 0),
          count: 1,
          start: from,
          end: to,
          requestedBy: 'alice',
        },
        commandContext(),
      );
    const turn = '2026-01-03T00:00:00.000Z';
    const early = await leaseOn(start, turn, 'early');
    const late = await leaseOn(turn, '2026-01-05T00:00:00.000Z', 'late');
    if (early.outcome !== 'admitted' || late.outcome !== 'admitted') {
      throw new Error(JSON.stringify([early, late]));
    }
    const devices = ['seq-g00', 'seq-g01'];
    expect(early.held[0]?.groups[0]?.deviceIds).toEqual(devices);
    expect(late.held[0]?.groups[0]?.deviceIds).toEqual(devices);
    const { ledger } = fixture.replica('probe', financeLab('x', 0, 0)).persistence;
    const composedOn = async (leaseId: string): Promise<string[]> => {
      const { state } = await book.load(leaseId);
      if (state.status !== 'started') throw new Error(`${leaseId} is ${state.status}`);
      const [compositionId = ''] = state.compositionIds;
      return (await ledger.allocationsOf(compositionId)).map((row) => row.deviceId);
    };

    expect((await advanceLeases(at(deps, start), commandContext())).advanced).toEqual([
      { leaseId: early.leaseId, facts: ['Started'] },
    ]);
    expect(await composedOn(early.leaseId)).toEqual(devices);

    // At the turn the early lease ends first; its devices come back as their detaches are
    // observed, and until then the late lease waits for the next run.
    const turned = await advanceLeases(at(deps, turn), commandContext());
    expect(turned.advanced).toEqual([{ leaseId: early.leaseId, facts: ['Ended'] }]);
    expect(turned.contended).toEqual([late.leaseId]);
    const [earlyComposition = ''] = (await getLeaseState(book, early.leaseId)).compositionIds;
    for (const deviceId of devices) {
      await recordObservation(
        at(deps, turn),
        { observed: 'detach', compositionId: earlyComposition, deviceIds: [deviceId] },
        commandContext(),
      );
    }
    expect(await ledger.allocationsOf(earlyComposition)).toEqual([]);
    expect((await advanceLeases(at(deps, turn), commandContext())).advanced).toEqual([
      { leaseId: late.leaseId, facts: ['Started'] },
    ]);
    expect(await composedOn(late.leaseId)).toEqual(devices);
  });
});

describe('a lease composition whose attach fails', () => {
  it('is rescheduled under its lease, on devices other than those it is still detaching', async () => {
    const { deps, answer, compositionId } = await startedRenderLease('again');
    expect(answer.held[0]?.groups[0]?.deviceIds).toEqual(['again-g00', 'again-g01']);
    // As the composer's usage sync has it: devices promised to a lease count as full.
    const index = await deps.candidates();
    for (const deviceId of ['again-g00', 'again-g01']) index.setAllocations(deviceId, 1);

    const now = at(deps, start);
    await observeAttach(now, compositionId, 'again-g00', 'attached');
    await observeAttach(now, compositionId, 'again-g01', 'failed');
    for (const deviceId of ['again-g00', 'again-g01']) {
      await observeDetach(now, compositionId, deviceId);
    }

    const { state } = await deps.compositions.load(compositionId);
    expect(state.status).toBe('attaching');
    if (state.status === 'absent') return;
    expect(state.reschedules).toBe(1);
    expect(state.bindings.map((binding) => binding.deviceId).sort()).toEqual([
      'again-g02',
      'again-g03',
    ]);
    expect(await leaseOfAllocations(compositionId)).toEqual([
      { device_id: 'again-g02', lease_id: answer.leaseId },
      { device_id: 'again-g03', lease_id: answer.leaseId },
    ]);
  });
});

describe('a lease composition rescheduled after its detaches completed (a recovery)', () => {
  it('takes the devices its lease still holds for it again, under the lease', async () => {
    const { deps, answer, compositionId } = await startedRenderLease('later');
    // The replica records the failure (and `Rescheduling`), then dies before scheduling again.
    const dying = at(
      { ...deps, candidates: () => Promise.reject(new Error('replica killed')) },
      start,
    );
    await observeAttach(dying, compositionId, 'later-g00', 'attached');
    await expect(observeAttach(dying, compositionId, 'later-g01', 'failed')).rejects.toThrow(
      'replica killed',
    );
    for (const deviceId of ['later-g00', 'later-g01']) {
      await observeDetach(at(deps, start), compositionId, deviceId);
    }
    const stalled = await deps.compositions.load(compositionId);
    expect(stalled.state).toMatchObject({ status: 'requested', bindings: [] });
    // As the usage sync has it once the detaches are in: promised to the lease, so full.
    const index = await deps.candidates();
    for (const deviceId of ['later-g00', 'later-g01']) index.setAllocations(deviceId, 1);

    await scheduleAndAttach(at(deps, start), compositionId, commandContext());

    const { state } = await deps.compositions.load(compositionId);
    if (state.status === 'absent') throw new Error('gone');
    expect(state.status).toBe('attaching');
    expect(state.bindings.map((binding) => binding.deviceId).sort()).toEqual([
      'later-g00',
      'later-g02',
    ]);
    expect(await leaseOfAllocations(compositionId)).toEqual([
      { device_id: 'later-g00', lease_id: answer.leaseId },
      { device_id: 'later-g02', lease_id: answer.leaseId },
    ]);
  });
});

/** A one-composition lease of two GPUs on `prefix`'s lab of four, admitted and started. */
async function startedRenderLease(prefix: string) {
  const { deps, book } = await leaseReplica(fixture, 'replica-a', financeLab(prefix, 4, 0));
  const answer = await requestLease(
    deps,
    {
      tenant: 'finance',
      name: 'render',
      spec: financeNode(2, 0),
      count: 1,
      start,
      end,
      requestedBy: 'alice',
    },
    commandContext(),
  );
  if (answer.outcome !== 'admitted') throw new Error(JSON.stringify(answer));
  await advanceLeases(at(deps, start), commandContext());
  const [compositionId = ''] = (await getLeaseState(book, answer.leaseId)).compositionIds;
  return { deps, answer, compositionId };
}

const observeAttach = (
  deps: LeaseReplica['deps'],
  compositionId: string,
  deviceId: string,
  outcome: 'attached' | 'failed',
) =>
  recordObservation(
    deps,
    {
      observed: 'attach',
      compositionId,
      results: [{ deviceId, attempt: 1, outcome, detail: outcome }],
    },
    commandContext(),
  );

const observeDetach = (deps: LeaseReplica['deps'], compositionId: string, deviceId: string) =>
  recordObservation(
    deps,
    { observed: 'detach', compositionId, deviceIds: [deviceId] },
    commandContext(),
  );

/** The composition's allocations in the ledger, with the lease each names. */
async function leaseOfAllocations(compositionId: string) {
  const { pool } = fixture.replica('probe', financeLab('x', 0, 0)).persistence;
  const { rows } = await pool.query<{ device_id: string; lease_id: string | null }>(
    `SELECT device_id, lease_id FROM composer_ledger.allocations
      WHERE composition_id = $1 ORDER BY device_id`,
    [compositionId],
  );
  return rows;
}

async function getLeaseState(
  book: LeaseReplica['book'],
  leaseId: string,
): Promise<{ compositionIds: readonly string[] }> {
  const { state } = await book.load(leaseId);
  return state.status === 'absent' ? { compositionIds: [] } : state;
}
