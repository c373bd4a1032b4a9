import {
  absentComposition,
  type CompositionFact,
  type CompositionState,
  decideComposition,
  evolveComposition,
  IdempotencyConflictError,
  type scheduler,
} from '@tessera/composer-domain';
import { fabricsOfAssignment } from '../compose/route-fabrics.js';
import { defaultAttachTimeoutMs } from '../compose/compose-deps.js';
import { outcomeOf } from '../compose/composition-outcome.js';
import type { CompositionOutcome } from '../compose/request-composition.command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { ApplyResult, HeldReservation } from './reservation-book.js';
import { ReservationExpiredError, HeldReservationNotFoundError } from './reservation-errors.js';
import type { ApplyReservationCommand, ReserveDeps } from './reserve-composition.command.js';

/**
 * Composes exactly the devices a reservation holds (ARCHITECTURE.md, "Composition lifecycle":
 * Apply): `Requested` then `Scheduled` with the held assignment under the same reservation id,
 * with no new scheduling, committed with the removal of the hold. The devices stay reserved
 * until the attach deadline; starting the attach is the caller's next step.
 * - an unknown (or already applied) reservation throws `HeldReservationNotFoundError`, an expired
 *   one `ReservationExpiredError`; nothing is stored;
 * - the same idempotency key again returns the composition it created; a key used for another
 *   request throws `IdempotencyConflictError`.
 */
export async function applyReservation(
  deps: ReserveDeps,
  command: ApplyReservationCommand,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const held = await deps.reservations.find(command.reservationId);
  if (held === undefined) {
    const earlier = await deps.reservations.earlierApplication(
      command.idempotencyKey,
      command.reservationId,
    );
    if (earlier.outcome === 'none') {
      throw new HeldReservationNotFoundError(command.reservationId);
    }
    return answer(deps, command, earlier);
  }
  const now = deps.clock.now();
  if (held.expiresAt.getTime() <= now.getTime()) {
    throw new ReservationExpiredError(held.reservationId, held.expiresAt);
  }
  const attachDeadline = new Date(now.getTime() + (deps.attachTimeoutMs ?? defaultAttachTimeoutMs));
  const applied = await deps.reservations.apply(
    {
      held,
      idempotencyKey: command.idempotencyKey,
      facts: factsOf(held, command, now, attachDeadline, await deps.candidates()),
      now,
      attachDeadline,
      owner: deps.owner,
    },
    context,
  );
  if (applied.outcome === 'composed') {
    return { compositionId: held.compositionId, status: 'scheduled', assignment: held.assignment };
  }
  return answer(deps, command, applied);
}

/** The facts of a request scheduled at once on the held devices. */
function factsOf(
  held: HeldReservation,
  command: ApplyReservationCommand,
  now: Date,
  attachDeadline: Date,
  index: scheduler.CandidateIndex,
): CompositionFact[] {
  const requested = decideComposition(
    {
      command: 'Request',
      id: held.compositionId,
      spec: held.spec,
      idempotencyKey: command.idempotencyKey,
      requestedBy: command.requestedBy,
    },
    absentComposition,
    now,
  );
  const state = requested.reduce<CompositionState>(evolveComposition, absentComposition);
  if (state.status === 'absent') {
    throw new Error(`requesting composition "${held.compositionId}" left it absent`);
  }
  const scheduled = decideComposition(
    {
      command: 'Schedule',
      assignment: held.assignment,
      reservationId: held.reservationId,
      attachDeadline: attachDeadline.toISOString(),
      fabrics: fabricsOfAssignment(index, held.assignment),
    },
    state,
    now,
  );
  return [...requested, ...scheduled];
}

/** What a key used before names: this reservation's composition, or a conflict. */
async function answer(
  deps: ReserveDeps,
  command: ApplyReservationCommand,
  earlier: Exclude<ApplyResult, { readonly outcome: 'composed' }>,
): Promise<CompositionOutcome> {
  switch (earlier.outcome) {
    case 'other':
      throw new IdempotencyConflictError(earlier.compositionId, command.idempotencyKey);
    case 'applied': {
      const { state } = await deps.compositions.load(earlier.compositionId);
      if (state.status === 'absent') {
        throw new HeldReservationNotFoundError(command.reservationId);
      }
      return outcomeOf(state);
    }
  }
}
