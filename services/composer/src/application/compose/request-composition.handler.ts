import {
  absentComposition,
  CompositionSpecInvalidError,
  type CompositionState,
  decideComposition,
  evolveComposition,
  IdempotencyConflictError,
  QuotaExceededError,
  validateCompositionSpec,
} from '@tessera/composer-domain';
import {
  type AllocationLedgerPort,
  type DeviceReservation,
  DevicesTakenError,
} from '../ports/allocation-ledger.js';
import type { CommandContext } from '../ports/command-context.js';
import { resolveSpec } from '../templates/resolve-spec.js';
import type { TemplateDeps } from '../templates/template-repository.js';
import type { CreatedComposition } from '../ports/composition-repository.js';
import type { ComposeDeps } from './compose-deps.js';
import { firstAttempt } from './first-attempt.js';
import type {
  CompositionOutcome,
  RequestCompositionCommand,
} from './request-composition.command.js';
import { scheduleComposition } from './schedule-composition.js';

/**
 * Requests a composition and schedules it at once (ARCHITECTURE.md, "Composition lifecycle"):
 * - a spec with problems throws `CompositionSpecInvalidError` listing all of them; nothing is
 *   stored;
 * - a spec naming a `template` is that template rendered with the spec's other fields as
 *   overrides (`resolveSpec`); an unknown template or version throws `TemplateNotFoundError`;
 * - the `Requested` facts and the idempotency key commit together; a key seen before returns
 *   its composition (and carries on scheduling it if it is still `requested`), or throws
 *   `IdempotencyConflictError` when it came with another spec;
 * - the composition is `scheduled` with its devices reserved in the ledger, or `failed` with
 *   the scheduler's explanation per group. The first choice commits in the same transaction as
 *   the request (one write for the usual case); when the ledger refuses it, the request is
 *   stored alone and scheduled as `scheduleComposition` does, choosing again.
 */
export async function requestComposition(
  deps: ComposeDeps & TemplateDeps,
  command: RequestCompositionCommand,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const validation = validateCompositionSpec(await resolveSpec(deps.templates, command.spec));
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const id = deps.ids.newId();
  const facts = decideComposition(
    {
      command: 'Request',
      id,
      spec: validation.spec,
      idempotencyKey: command.idempotencyKey,
      requestedBy: command.requestedBy,
    },
    absentComposition,
    deps.clock.now(),
  );
  const composition = facts.reduce<CompositionState>(evolveComposition, absentComposition);
  const first =
    composition.status === 'requested' ? await firstAttempt(deps, composition) : undefined;
  const newComposition = {
    id,
    facts,
    idempotencyKey: command.idempotencyKey,
    spec: validation.spec,
  };
  let created: CreatedComposition;
  try {
    created = await deps.compositions.create(
      first === undefined
        ? newComposition
        : {
            ...newComposition,
            facts: [...facts, ...first.facts],
            ...(first.reservation !== undefined && {
              ledgerWork: withReservation(first.reservation),
            }),
          },
      context,
    );
  } catch (error) {
    // The ledger refused the first choice (another request took a device first, or the quota
    // is reached): nothing was stored. Store the request alone and schedule it the usual way.
    first?.undo();
    if (!(error instanceof DevicesTakenError || error instanceof QuotaExceededError)) throw error;
    first?.refused(error);
    created = await deps.compositions.create(newComposition, context);
    if (created.outcome === 'created') return scheduleComposition(deps, id, context);
  }
  switch (created.outcome) {
    case 'created':
      return first?.outcome ?? scheduleComposition(deps, id, context);
    case 'existing':
      first?.undo();
      if (!created.sameSpec) {
        throw new IdempotencyConflictError(created.compositionId, command.idempotencyKey);
      }
      return scheduleComposition(deps, created.compositionId, context);
  }
}

function withReservation(
  reservation: DeviceReservation,
): (ledger: AllocationLedgerPort) => Promise<void> {
  return (ledger) => ledger.reserve(reservation);
}
