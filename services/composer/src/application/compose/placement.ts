import {
  type Composition,
  type CompositionFact,
  type CompositionState,
  decideComposition,
  evolveComposition,
  type scheduler,
} from '@tessera/composer-domain';
import type { DeviceReservation } from '../ports/allocation-ledger.js';
import { type ComposeDeps, defaultAttachTimeoutMs } from './compose-deps.js';
import type { CompositionOutcome } from './request-composition.command.js';
import { fabricsOfAssignment } from './route-fabrics.js';
import { assignmentOf } from './scheduling-request-of.js';

/** A scheduler decision turned into what to store: facts, the ledger's reservation, the answer. */
export interface Placement {
  readonly facts: readonly CompositionFact[];
  readonly reservation: DeviceReservation;
  readonly outcome: CompositionOutcome;
}

/**
 * The `Scheduled` facts of a decision for a requested composition (and, with
 * `attachOnSchedule`, its attach intents), with the ledger reservation that must commit with
 * them: every chosen device with its sharing limit and kind, under the composition's tenant
 * (and its lease, if it is a lease's), until the attach deadline.
 */
export function placementOf(
  deps: ComposeDeps,
  composition: Composition,
  decision: scheduler.Decision,
  index: scheduler.CandidateIndex,
): Placement {
  const now = deps.clock.now();
  const attachDeadline = new Date(now.getTime() + (deps.attachTimeoutMs ?? defaultAttachTimeoutMs));
  const assignment = assignmentOf(decision);
  const reservationId = deps.ids.newId();
  const scheduled = decideComposition(
    {
      command: 'Schedule',
      assignment,
      reservationId,
      attachDeadline: attachDeadline.toISOString(),
      fabrics: fabricsOfAssignment(index, assignment),
    },
    composition,
    now,
  );
  const facts =
    deps.attachOnSchedule === true
      ? [...scheduled, ...attachIntents(composition, scheduled, now)]
      : scheduled;
  const devices = assignment.groups.flatMap(({ deviceIds }) =>
    deviceIds.map((deviceId) => ({
      deviceId,
      maxCompositions: index.device(deviceId)?.maxCompositions ?? 1,
      kind: index.device(deviceId)?.kind,
    })),
  );
  return {
    facts,
    reservation: {
      reservationId,
      compositionId: composition.id,
      owner: deps.owner,
      expiresAt: attachDeadline,
      devices,
      tenant: composition.spec.tenant,
      ...(composition.leaseId === undefined ? {} : { leaseId: composition.leaseId }),
    },
    outcome: {
      compositionId: composition.id,
      status: facts.length > scheduled.length ? 'attaching' : 'scheduled',
      assignment,
    },
  };
}

/** The `StartAttaching` facts of the composition once `scheduled` is applied. */
function attachIntents(
  composition: Composition,
  scheduled: readonly CompositionFact[],
  now: Date,
): readonly CompositionFact[] {
  const state = scheduled.reduce<CompositionState>(evolveComposition, composition);
  return decideComposition({ command: 'StartAttaching' }, state, now);
}
