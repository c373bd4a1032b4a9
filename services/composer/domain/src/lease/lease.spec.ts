import { describe, expect, it } from 'vitest';
import { CompositionSpecInvalidError, type CompositionSpec } from '../spec/index.js';
import type { LeaseCommand } from './lease-commands.js';
import { InvalidLeaseError, InvalidLeaseTransitionError } from './lease-errors.js';
import { leaseEventOf, leaseFactOf } from './lease-events.js';
import type { LeaseFact } from './lease-facts.js';
import { absentLease, type LeaseState } from './lease-state.js';
import { decideLease } from './decide-lease.js';
import { evolveLease } from './evolve-lease.js';

const now = new Date('2025-12-01T00:00:00.000Z');
const spec: CompositionSpec = {
  name: 'finance-node',
  tenant: 'finance',
  host: { selector: { labels: { pool: 'finance' } } },
  groups: [
    { name: 'gpus', kind: 'gpu', count: 2 },
    { name: 'scratch', kind: 'nvme', count: 4 },
  ],
};
const request: Extract<LeaseCommand, { command: 'Request' }> = {
  command: 'Request',
  id: 'l-1',
  tenant: 'finance',
  name: 'quarter-end',
  spec,
  count: 8,
  start: '2025-12-28T00:00:00.000Z',
  end: '2026-01-03T00:00:00.000Z',
  requestedBy: 'alice',
};
const held = Array.from({ length: 8 }, (_, at) => ({
  hostId: `h${at}`,
  groups: [{ group: 'gpus', deviceIds: [`g${at}a`, `g${at}b`] }],
}));
const requested = decideLease(request, absentLease, now);
const admitted: LeaseFact = { fact: 'Admitted', held };
const started: LeaseFact = { fact: 'Started', compositionIds: held.map((_, at) => `c${at}`) };

const stateAfter = (facts: readonly LeaseFact[]): LeaseState =>
  facts.reduce(evolveLease, absentLease);
const given = (facts: readonly LeaseFact[]) => ({
  when: (command: LeaseCommand) => () => decideLease(command, stateAfter(facts), now),
});

describe('requesting a lease', () => {
  it('records the validated request with its window and count', () => {
    expect(requested).toEqual([
      expect.objectContaining({ fact: 'Requested', id: 'l-1', count: 8, start: request.start }),
    ]);
    expect(stateAfter(requested)).toMatchObject({ status: 'requested', held: [], warned: false });
  });

  it('records the caller’s idempotency key in the event, not in the lease', () => {
    const [fact] = decideLease(
      { ...request, idempotencyKey: 'quarter-end-2025' },
      absentLease,
      now,
    );
    expect(fact).toMatchObject({ fact: 'Requested', idempotencyKey: 'quarter-end-2025' });
    if (fact === undefined) throw new Error('no fact');
    expect(leaseFactOf(leaseEventOf('l-1', fact))).toEqual(fact);
    expect(stateAfter([fact])).not.toHaveProperty('idempotencyKey');
    expect(requested[0]).not.toHaveProperty('idempotencyKey');
  });

  it.each([
    [{ end: '2025-12-27T00:00:00.000Z' }, 'end'],
    [{ start: '2025-11-30T00:00:00.000Z' }, 'start'],
    [{ count: 0 }, 'count'],
    [{ count: 1001 }, 'count'],
    [{ end: '2026-06-01T00:00:00.000Z' }, 'window'],
    [{ start: 'soon' }, 'start'],
    [{ tenant: 'sales' }, 'spec.tenant'],
    [{ idempotencyKey: ' ' }, 'idempotencyKey'],
    [{ idempotencyKey: 'k'.repeat(201) }, 'idempotencyKey'],
  ])('refuses %j naming the field %s', (change, field) => {
    const attempt = given([]).when({ ...request, ...change });
    expect(attempt).toThrow(InvalidLeaseError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
  });

  it('refuses a bad spec listing its problems', () => {
    const bad = { ...spec, groups: [{ name: 'gpus', kind: 'quantum', count: -1 }] };
    expect(given([]).when({ ...request, spec: bad })).toThrow(CompositionSpecInvalidError);
  });
});

describe('admission', () => {
  it('admits with one held assignment per composition, or rejects with the shortfall', () => {
    expect(given(requested).when({ command: 'Admit', held })()).toEqual([admitted]);
    expect(given(requested).when({ command: 'Admit', held: held.slice(1) })).toThrow(
      InvalidLeaseError,
    );
    const shortfalls = [{ composition: 3, group: 'gpus', why: 'too few gpu' }];
    const rejected = given(requested).when({ command: 'Reject', reason: 'short', shortfalls })();
    expect(stateAfter([...requested, ...rejected])).toMatchObject({
      status: 'rejected',
      reason: 'short',
      shortfalls,
    });
  });
});

describe('the window', () => {
  it('starts once, warns once, ends once', () => {
    const ids = held.map((_, at) => `c${at}`);
    expect(
      given([...requested, admitted]).when({ command: 'Start', compositionIds: ids })(),
    ).toEqual([started]);
    expect(
      given([...requested, admitted, started]).when({ command: 'Start', compositionIds: ids })(),
    ).toEqual([]);
    const warned = given([...requested, admitted, started]).when({ command: 'WarnEnding' })();
    expect(warned).toEqual([{ fact: 'EndingSoon', endsAt: request.end }]);
    expect(
      given([...requested, admitted, started, ...warned]).when({ command: 'WarnEnding' })(),
    ).toEqual([]);
    const ended = given([...requested, admitted, started, ...warned]).when({ command: 'End' })();
    expect(ended).toEqual([{ fact: 'Ended', compositionIds: ids }]);
    expect(stateAfter([...requested, admitted, started, ...ended]).status).toBe('ended');
  });

  it('cancels before the start only', () => {
    expect(
      given([...requested, admitted]).when({ command: 'Cancel', reason: 'no longer needed' })(),
    ).toEqual([{ fact: 'Cancelled', reason: 'no longer needed' }]);
    expect(
      given([...requested, admitted, started]).when({ command: 'Cancel', reason: 'x' }),
    ).toThrow(InvalidLeaseTransitionError);
    expect(given([...requested]).when({ command: 'Start', compositionIds: [] })).toThrow(
      InvalidLeaseTransitionError,
    );
  });

  it('round-trips its facts through events', () => {
    for (const fact of [...requested, admitted, started]) {
      expect(leaseFactOf(leaseEventOf('l-1', fact))).toEqual(fact);
    }
    expect(leaseEventOf('l-1', admitted).type).toBe('tessera.composer.v1.LeaseAdmitted');
  });
});
