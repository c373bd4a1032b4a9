import { describe, expect, it } from 'vitest';
import { CompositionSpecInvalidError } from '../spec/index.js';
import {
  CompositionAlreadyExistsError,
  CompositionNotFoundError,
  IdempotencyConflictError,
  InvalidCompositionCommandError,
  InvalidTransitionError,
} from './composition-errors.js';
import {
  given,
  ready,
  request,
  requested,
  schedule,
  scheduled,
  spec,
  stateAfter,
} from './test-support/composition-fixtures.js';

describe('requesting a composition', () => {
  it('records the request with its validated spec, the default priority and reschedules', () => {
    expect(given([]).when(request)()).toEqual([requested]);
    expect(stateAfter([requested])).toMatchObject({
      status: 'requested',
      id: 'c-1',
      reschedules: 0,
    });
  });

  it('keeps the number of reschedules asked for', () => {
    expect(given([]).when({ ...request, maxReschedules: 0 })()).toEqual([
      { ...requested, maxReschedules: 0 },
    ]);
  });

  it('records the lease a composition is one of, and keeps it in its state', () => {
    const ofLease = { ...requested, leaseId: 'lease-7' };
    expect(given([]).when({ ...request, leaseId: 'lease-7' })()).toEqual([ofLease]);
    expect(stateAfter([ofLease])).toMatchObject({ status: 'requested', leaseId: 'lease-7' });
    expect(stateAfter([requested])).toMatchObject({ leaseId: undefined });
    expect(given([]).when({ ...request, leaseId: ' ' })).toThrow(
      new InvalidCompositionCommandError('leaseId', 'must not be empty'),
    );
  });

  it('refuses a spec with problems, listing them all', () => {
    const bad = { ...spec, name: 'Bad Name', priority: 5000 };
    const attempt = given([]).when({ ...request, spec: bad });
    expect(attempt).toThrow(CompositionSpecInvalidError);
    expect(attempt).toThrow(/name: .*; priority: must be an integer from 0 to 1000/);
  });

  it('refuses an empty idempotency key, requester or a wild number of reschedules', () => {
    expect(given([]).when({ ...request, idempotencyKey: ' ' })).toThrow(
      new InvalidCompositionCommandError('idempotencyKey', 'must not be empty'),
    );
    expect(given([]).when({ ...request, requestedBy: '' })).toThrow(InvalidCompositionCommandError);
    expect(given([]).when({ ...request, maxReschedules: 11 })).toThrow(
      'maxReschedules: must be an integer from 0 to 10',
    );
  });

  it('changes nothing when repeated with the same key and spec, even after it moved on', () => {
    expect(given([requested]).when({ ...request, spec: { ...spec, priority: 100 } })()).toEqual([]);
    expect(given(ready).when({ ...request, requestedBy: 'bob' })()).toEqual([]);
  });

  it('refuses the same key with another spec', () => {
    const other = { ...spec, groups: [{ name: 'gpus', kind: 'gpu' as const, count: 8 }] };
    expect(given([requested]).when({ ...request, spec: other })).toThrow(IdempotencyConflictError);
  });

  it('refuses another request for the same id under another key', () => {
    expect(given([requested]).when({ ...request, idempotencyKey: 'key-2' })).toThrow(
      CompositionAlreadyExistsError,
    );
  });

  it('refuses any other command for a composition never requested', () => {
    expect(given([]).when(schedule)).toThrow(CompositionNotFoundError);
    expect(given([]).when({ command: 'Decompose', reason: 'done', requestedBy: 'alice' })).toThrow(
      'there is no such composition: Decompose needs a requested composition',
    );
  });
});

describe('scheduling a composition', () => {
  it('records the devices reserved for every group and the attach deadline', () => {
    expect(given([requested]).when(schedule)()).toEqual([scheduled]);
    expect(stateAfter([requested, scheduled])).toMatchObject({
      status: 'scheduled',
      hostId: 'host-1',
      reservationId: 'r-1',
      bindings: [
        { deviceId: 'gpu-1', group: 'gpus', hostId: 'host-1', status: 'reserved' },
        { deviceId: 'gpu-2', group: 'gpus', hostId: 'host-1', status: 'reserved' },
        { deviceId: 'nvme-1', group: 'scratch', hostId: 'host-1', status: 'reserved' },
      ],
    });
  });

  it('stores the deadline in one canonical form', () => {
    const facts = given([requested]).when({
      ...schedule,
      attachDeadline: '2025-12-28T11:05:00+01:00',
    })();
    expect(facts).toEqual([scheduled]);
  });

  it('accepts the count of an alternative', () => {
    const withAlternative = {
      ...spec,
      groups: [
        {
          name: 'gpus',
          kind: 'gpu' as const,
          count: 2,
          alternatives: [{ kind: 'gpu' as const, count: 4 }],
        },
      ],
    };
    const { when } = given([{ ...requested, spec: withAlternative } as typeof requested]);
    const four = {
      hostId: 'host-1',
      groups: [{ group: 'gpus', deviceIds: ['g1', 'g2', 'g3', 'g4'] }],
    };
    expect(when({ ...schedule, assignment: four })()).toHaveLength(1);
  });

  it('changes nothing when the same reservation is scheduled again', () => {
    expect(given([requested, scheduled]).when(schedule)()).toEqual([]);
  });

  it('refuses an assignment that does not fit the spec', () => {
    const { when } = given([requested]);
    const withGroups = (groups: { group: string; deviceIds: string[] }[]) =>
      when({ ...schedule, assignment: { hostId: 'host-1', groups } });
    expect(when({ ...schedule, assignment: { ...schedule.assignment, hostId: 'host-2' } })).toThrow(
      'assignment.hostId: must be "host-1", as requested',
    );
    expect(withGroups([{ group: 'gpus', deviceIds: ['gpu-1', 'gpu-2'] }])).toThrow(
      'assignment.groups: must assign exactly the groups gpus, scratch',
    );
    expect(
      withGroups([
        { group: 'gpus', deviceIds: ['gpu-1'] },
        { group: 'scratch', deviceIds: ['nvme-1'] },
      ]),
    ).toThrow('assignment.groups["gpus"]: must assign 2 devices, not 1');
    expect(
      withGroups([
        { group: 'gpus', deviceIds: ['gpu-1', 'nvme-1'] },
        { group: 'scratch', deviceIds: ['nvme-1'] },
      ]),
    ).toThrow('assignment.groups: names device "nvme-1" twice');
    expect(when({ ...schedule, attachDeadline: '2025-12-28T09:00:00Z' })).toThrow(
      'attachDeadline: must be after 2025-12-28T10:00:00.000Z',
    );
    expect(when({ ...schedule, attachDeadline: 'soon' })).toThrow(
      'attachDeadline: "soon" is not an ISO-8601 time',
    );
  });

  it('fails with the reason and the per-group explanation when nothing fits', () => {
    const groups = [{ group: 'gpus', why: 'memoryGiB >= 80 removed 12 of 12 candidates' }];
    expect(
      given([requested]).when({ command: 'FailScheduling', reason: 'no candidates', groups })(),
    ).toEqual([{ fact: 'Failed', reason: 'no candidates', unschedulable: groups }]);
    const failed = stateAfter([
      requested,
      { fact: 'Failed', reason: 'no candidates', unschedulable: groups },
    ]);
    expect(failed).toMatchObject({
      status: 'failed',
      failure: { reason: 'no candidates', unschedulable: groups },
    });
  });

  it('refuses to schedule or fail scheduling once scheduled, naming the state and command', () => {
    expect(given([requested, scheduled]).when({ ...schedule, reservationId: 'r-2' })).toThrow(
      new InvalidTransitionError('c-1', 'scheduled', 'Schedule'),
    );
    expect(given(ready).when({ command: 'FailScheduling', reason: 'none', groups: [] })).toThrow(
      'composition "c-1" is ready: it cannot take FailScheduling',
    );
  });
});
