import type { LeaseCommand } from './lease-commands.js';
import {
  InvalidLeaseError,
  InvalidLeaseTransitionError,
  LeaseNotFoundError,
} from './lease-errors.js';
import type { LeaseFact } from './lease-facts.js';
import type { Lease, LeaseState, LeaseStatus } from './lease-state.js';
import { validateLeaseRequest } from './validate-lease-request.js';

/**
 * Decides what a command on a lease means, as facts (none when a repeated command changes
 * nothing). Throws a typed error when the command is not allowed; then nothing is appended.
 */
export function decideLease(command: LeaseCommand, state: LeaseState, now: Date): LeaseFact[] {
  if (command.command === 'Request') {
    if (state.status !== 'absent') {
      throw new InvalidLeaseTransitionError(command.id, state.status, 'Request');
    }
    const request = validateLeaseRequest(command, now);
    return [
      {
        fact: 'Requested',
        id: request.id,
        tenant: request.tenant,
        name: request.name,
        spec: request.spec,
        count: request.count,
        start: request.start.toISOString(),
        end: request.end.toISOString(),
        requestedBy: command.requestedBy,
        requestedAt: now.toISOString(),
        ...(command.idempotencyKey === undefined ? {} : { idempotencyKey: command.idempotencyKey }),
      },
    ];
  }
  if (state.status === 'absent') throw new LeaseNotFoundError();
  switch (command.command) {
    case 'Admit':
      inStatus(state, 'Admit', 'requested');
      if (command.held.length !== state.count) {
        throw new InvalidLeaseError('held', `must hold ${state.count} composition(s)`);
      }
      return [{ fact: 'Admitted', held: command.held }];
    case 'Reject':
      inStatus(state, 'Reject', 'requested');
      return [{ fact: 'Rejected', reason: command.reason, shortfalls: command.shortfalls }];
    case 'Start':
      if (state.status === 'started') return [];
      inStatus(state, 'Start', 'admitted');
      if (command.compositionIds.length !== state.count) {
        throw new InvalidLeaseError('compositionIds', `must name ${state.count} composition(s)`);
      }
      return [{ fact: 'Started', compositionIds: command.compositionIds }];
    case 'WarnEnding':
      if (state.warned || state.status === 'ended') return [];
      inStatus(state, 'WarnEnding', 'started');
      return [{ fact: 'EndingSoon', endsAt: state.end }];
    case 'End':
      if (state.status === 'ended') return [];
      inStatus(state, 'End', 'started');
      return [{ fact: 'Ended', compositionIds: state.compositionIds }];
    case 'Cancel':
      if (state.status === 'cancelled') return [];
      inStatus(state, 'Cancel', 'requested', 'admitted');
      return [{ fact: 'Cancelled', reason: command.reason }];
    default:
      return exhaustive(command);
  }
}

function inStatus(lease: Lease, command: LeaseCommand['command'], ...allowed: LeaseStatus[]): void {
  if (!allowed.includes(lease.status)) {
    throw new InvalidLeaseTransitionError(lease.id, lease.status, command);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled lease command ${JSON.stringify(value)}`);
}
