import type { Composition, CompositionFact } from '@tessera/composer-domain';
import type { AllocationLedgerPort } from '../ports/allocation-ledger.js';

/**
 * What the ledger does for facts about to be appended, in their transaction (composition
 * facts' contract): `Ready` confirms the reservation the composition was attaching under,
 * `ReservationReleased` frees that reservation, `Decomposed` frees everything the composition
 * holds. Expansion and replacement confirmations are not wired yet (the saga drives attaches).
 */
export function ledgerWorkFor(
  composition: Composition,
  facts: readonly CompositionFact[],
): ((ledger: AllocationLedgerPort) => Promise<void>) | undefined {
  const steps = facts.flatMap((fact) => stepFor(composition, fact));
  if (steps.length === 0) {
    return undefined;
  }
  return async (ledger) => {
    for (const step of steps) {
      await step(ledger);
    }
  };
}

type LedgerStep = (ledger: AllocationLedgerPort) => Promise<void>;

function stepFor(composition: Composition, fact: CompositionFact): LedgerStep[] {
  switch (fact.fact) {
    case 'Ready': {
      const reservationId = composition.reservationId;
      return reservationId === undefined ? [] : [(ledger) => ledger.confirm(reservationId)];
    }
    case 'ReservationReleased':
      return [(ledger) => ledger.release({ reservationId: fact.reservationId })];
    case 'Decomposed':
      return [(ledger) => ledger.release({ compositionId: composition.id })];
    case 'Requested':
    case 'Scheduled':
    case 'AttachRequested':
    case 'DeviceAttached':
    case 'DeviceAttachFailed':
    case 'AttachDeadlinePassed':
    case 'DetachRequested':
    case 'DeviceDetached':
    case 'Rescheduling':
    case 'Failed':
    case 'ExpansionStarted':
    case 'Expanded':
    case 'ExpansionAbandoned':
    case 'ShrinkStarted':
    case 'Shrunk':
    case 'DeviceReplacementStarted':
    case 'DeviceReplaced':
    case 'ReplacementAbandoned':
    case 'DecomposeRequested':
      return [];
  }
}
