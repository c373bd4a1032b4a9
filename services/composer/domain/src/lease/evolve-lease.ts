import type { LeaseFact } from './lease-facts.js';
import type { LeaseState } from './lease-state.js';

/** The lease after a fact. Facts come from `decideLease`, so they are applied as they are. */
export function evolveLease(state: LeaseState, fact: LeaseFact): LeaseState {
  if (fact.fact === 'Requested') {
    const {
      fact: _name,
      requestedBy: _by,
      requestedAt: _at,
      idempotencyKey: _key,
      ...lease
    } = fact;
    return { ...lease, status: 'requested', held: [], compositionIds: [], warned: false };
  }
  if (state.status === 'absent') return state;
  switch (fact.fact) {
    case 'Admitted':
      return { ...state, status: 'admitted', held: fact.held };
    case 'Rejected':
      return { ...state, status: 'rejected', reason: fact.reason, shortfalls: fact.shortfalls };
    case 'Started':
      return { ...state, status: 'started', compositionIds: fact.compositionIds };
    case 'EndingSoon':
      return { ...state, warned: true };
    case 'Ended':
      return { ...state, status: 'ended' };
    case 'Cancelled':
      return { ...state, status: 'cancelled', reason: fact.reason };
    default:
      return exhaustive(fact);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled lease fact ${JSON.stringify(value)}`);
}
