import {
  type Composition,
  type CompositionFact,
  type CompositionState,
  evolveComposition,
} from '@tessera/composer-domain';
import type { AllocationLedgerPort } from '../ports/allocation-ledger.js';

type LedgerStep = (ledger: AllocationLedgerPort) => Promise<void>;

/** What the ledger does for facts about to be appended, in their transaction. */
export interface LedgerEffects {
  /** Undefined when the facts change nothing in the ledger. */
  readonly work: ((ledger: AllocationLedgerPort) => Promise<void>) | undefined;
  /**
   * Devices the work lets go of that the scheduler's index may count free once it commits,
   * those the composition avoids included: its reschedule never chooses them again
   * (`scheduleComposition` avoids them), other compositions may.
   */
  readonly releasedDeviceIds: readonly string[];
}

/**
 * The ledger follows the facts (composition-facts.ts): `Ready`, `Expanded` and `DeviceReplaced`
 * confirm the reservation they attached under; `ReservationReleased` releases the devices of
 * that reservation never put on the host and keeps those being detached, without expiry, until
 * `DeviceDetached` releases each; `DecomposeRequested` releases devices never put on the host;
 * `Decomposed` releases whatever the composition still holds. Each fact is read against the
 * state just before it, so a batch (a rollback) is followed step by step.
 */
export function ledgerEffectsOf(
  composition: Composition,
  facts: readonly CompositionFact[],
): LedgerEffects {
  const steps: LedgerStep[] = [];
  const released: string[] = [];
  let before: CompositionState = composition;
  for (const fact of facts) {
    if (before.status !== 'absent') {
      const effect = effectOf(composition, before, fact);
      steps.push(...effect.steps);
      released.push(...effect.released);
    }
    before = evolveComposition(before, fact);
  }
  return {
    work:
      steps.length === 0
        ? undefined
        : async (ledger) => {
            for (const step of steps) await step(ledger);
          },
    releasedDeviceIds: released,
  };
}

interface Effect {
  readonly steps: readonly LedgerStep[];
  readonly released: readonly string[];
}

const none: Effect = { steps: [], released: [] };

function effectOf(atStart: Composition, before: Composition, fact: CompositionFact): Effect {
  const { id } = before;
  switch (fact.fact) {
    case 'Ready':
      return confirming(before.reservationId);
    case 'Expanded':
      return confirming(before.change?.change === 'expansion' ? before.change.reservationId : '');
    case 'DeviceReplaced':
      return confirming(before.change?.change === 'replacement' ? before.change.reservationId : '');
    case 'ReservationReleased':
      return releasingReservation(atStart, before, fact.reservationId);
    case 'DeviceDetached':
      return {
        steps: [(ledger) => ledger.releaseDevices(id, fact.deviceIds)],
        released: fact.deviceIds,
      };
    case 'DecomposeRequested':
      return releasingForDecompose(before);
    case 'Decomposed':
      return { steps: [(ledger) => ledger.release({ compositionId: id })], released: [] };
    case 'Requested':
    case 'Scheduled':
    case 'AttachRequested':
    case 'DeviceAttached':
    case 'DeviceAttachFailed':
    case 'AttachDeadlinePassed':
    case 'DetachRequested':
    case 'Rescheduling':
    case 'Failed':
    case 'ExpansionStarted':
    case 'ExpansionAbandoned':
    case 'ShrinkStarted':
    case 'Shrunk':
    case 'DeviceReplacementStarted':
    case 'ReplacementAbandoned':
    case 'ReplacementUnavailable':
      return none;
  }
}

function confirming(reservationId: string | undefined): Effect {
  return reservationId === undefined || reservationId === ''
    ? none
    : { steps: [(ledger) => ledger.confirm(reservationId)], released: [] };
}

/**
 * A given-up attach: its devices never put on the host (or whose attach failed) go now; those
 * being detached stay held until their detach is observed (attach-contract.md).
 */
function releasingReservation(
  atStart: Composition,
  before: Composition,
  reservationId: string,
): Effect {
  const kept = before.bindings
    .filter((binding) => binding.status === 'detaching' && binding.reservationId === reservationId)
    .map(({ deviceId }) => deviceId);
  const released = atStart.bindings
    .filter((binding) => binding.reservationId === reservationId)
    .map(({ deviceId }) => deviceId)
    .filter((deviceId) => !kept.includes(deviceId));
  if (kept.length === 0) {
    return { steps: [(ledger) => ledger.release({ reservationId })], released };
  }
  return {
    steps: [
      (ledger) => ledger.releaseDevices(before.id, released),
      (ledger) => ledger.holdUntilReleased(reservationId),
    ],
    released,
  };
}

/** Decomposing: devices never put on the host go now; an attach in flight is held until detached. */
function releasingForDecompose(before: Composition): Effect {
  const released = before.bindings
    .filter((binding) => binding.status === 'reserved')
    .map(({ deviceId }) => deviceId);
  const inFlight = [
    before.reservationId,
    before.change?.change === 'expansion' || before.change?.change === 'replacement'
      ? before.change.reservationId
      : undefined,
  ].filter(
    (reservationId): reservationId is string =>
      reservationId !== undefined &&
      before.bindings.some(
        (binding) => binding.reservationId === reservationId && binding.status !== 'reserved',
      ),
  );
  const steps: LedgerStep[] = [
    ...(released.length === 0
      ? []
      : [(ledger: AllocationLedgerPort) => ledger.releaseDevices(before.id, released)]),
    ...inFlight.map(
      (reservationId): LedgerStep =>
        (ledger) =>
          ledger.holdUntilReleased(reservationId),
    ),
  ];
  return { steps, released };
}
