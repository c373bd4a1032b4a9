import { decideLease, type LeaseCommand, LeaseNotFoundError } from '@tessera/composer-domain';
import { decomposeComposition } from '../lifecycle/decompose-composition.handler.js';
import type { CommandContext } from '../ports/command-context.js';
import { composeHeld } from './compose-held.js';
import type { LeaseDeps } from './lease-deps.js';
import { evolved } from './request-lease.handler.js';

/** What a transition did: the facts appended (none when another run had done it). */
export type LeaseTransition = readonly string[];

/**
 * At the start: composes every composition on its held devices, then records `LeaseStarted`.
 * The holds stay until the end, so a composition that fails cannot lose its devices meanwhile.
 */
export async function startLease(
  deps: LeaseDeps,
  leaseId: string,
  context: CommandContext,
): Promise<LeaseTransition> {
  const { state } = await deps.leases.load(leaseId);
  if (state.status !== 'admitted') return [];
  const compositionIds: string[] = [];
  for (let at = 0; at < state.count; at += 1) {
    compositionIds.push(await composeHeld(deps, state, at, context));
  }
  return transition(deps, leaseId, { command: 'Start', compositionIds }, context);
}

/** Ahead of the end: `LeaseEndingSoon`, once. */
export function warnLeaseEnding(
  deps: LeaseDeps,
  leaseId: string,
  context: CommandContext,
): Promise<LeaseTransition> {
  return transition(deps, leaseId, { command: 'WarnEnding' }, context);
}

/**
 * At the end: decomposes every composition (idempotent), then records `LeaseEnded` and releases
 * the holds in one transaction. Devices still attached are released by their compositions as
 * their detaches are observed.
 */
export async function endLease(
  deps: LeaseDeps,
  leaseId: string,
  context: CommandContext,
): Promise<LeaseTransition> {
  const { state } = await deps.leases.load(leaseId);
  if (state.status !== 'started') return [];
  const reason = `lease ${state.name} (${leaseId}) ended at ${state.end}`;
  for (const compositionId of state.compositionIds) {
    await decomposeComposition(deps, { compositionId, reason }, context);
  }
  return transition(deps, leaseId, { command: 'End' }, context);
}

/** Before the start: `LeaseCancelled`, and the holds are released. Throws once started. */
export function cancelLease(
  deps: LeaseDeps,
  leaseId: string,
  reason: string,
  context: CommandContext,
): Promise<LeaseTransition> {
  return transition(deps, leaseId, { command: 'Cancel', reason }, context);
}

/** Decides the command on the stored lease and appends; ends and cancels release holds. */
async function transition(
  deps: LeaseDeps,
  leaseId: string,
  command: Exclude<LeaseCommand, { command: 'Request' }>,
  context: CommandContext,
): Promise<LeaseTransition> {
  const { state, version } = await deps.leases.load(leaseId);
  if (state.status === 'absent') throw new LeaseNotFoundError(leaseId);
  const facts = decideLease(command, state, deps.clock.now());
  if (facts.length === 0) return [];
  const releaseHolds = facts.some((fact) => fact.fact === 'Ended' || fact.fact === 'Cancelled');
  await deps.leases.save(
    { leaseId, facts, expectedVersion: version, state: evolved(state, facts), releaseHolds },
    context,
  );
  return facts.map((fact) => fact.fact);
}
