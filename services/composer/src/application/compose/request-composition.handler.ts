import {
  absentComposition,
  CompositionSpecInvalidError,
  decideComposition,
  IdempotencyConflictError,
  validateCompositionSpec,
} from '@tessera/composer-domain';
import type { CommandContext } from '../ports/command-context.js';
import { resolveSpec } from '../templates/resolve-spec.js';
import type { TemplateDeps } from '../templates/template-repository.js';
import type { ComposeDeps } from './compose-deps.js';
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
 * - then the composition is `scheduled` with its devices reserved in the ledger, or `failed`
 *   with the scheduler's explanation per group.
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
  const created = await deps.compositions.create(
    { id, facts, idempotencyKey: command.idempotencyKey, spec: validation.spec },
    context,
  );
  switch (created.outcome) {
    case 'created':
      return scheduleComposition(deps, id, context);
    case 'existing':
      if (!created.sameSpec) {
        throw new IdempotencyConflictError(created.compositionId, command.idempotencyKey);
      }
      return scheduleComposition(deps, created.compositionId, context);
  }
}
