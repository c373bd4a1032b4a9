import {
  type CompositionCommand,
  type CompositionFact,
  decideComposition,
} from '@tessera/composer-domain';
import type { CommandContext } from '../ports/command-context.js';
import { VersionConflictError } from '../ports/composition-repository.js';
import type { ComposeDeps } from '../compose/compose-deps.js';
import { ledgerWorkFor } from './ledger-effects.js';

/** Appends decided on a composition that moved meanwhile are decided again, this many times. */
const maxConflicts = 5;

/**
 * Loads a composition, decides `command` and appends the facts together with their ledger
 * effects; on a version conflict (another delivery or replica moved it) it loads and decides
 * again. Returns the facts appended (none when the command changed nothing), or undefined when
 * there is no such composition.
 */
export async function applyCommand(
  deps: Pick<ComposeDeps, 'compositions' | 'clock'>,
  compositionId: string,
  command: CompositionCommand,
  context: CommandContext,
): Promise<readonly CompositionFact[] | undefined> {
  for (let conflicts = 0; ; conflicts += 1) {
    const { state, version } = await deps.compositions.load(compositionId);
    if (state.status === 'absent') {
      return undefined;
    }
    const facts = decideComposition(command, state, deps.clock.now());
    if (facts.length === 0) {
      return facts;
    }
    const ledgerWork = ledgerWorkFor(state, facts);
    try {
      await (ledgerWork === undefined
        ? deps.compositions.append(compositionId, facts, version, context)
        : deps.compositions.appendWithLedger(compositionId, facts, version, context, ledgerWork));
      return facts;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || conflicts + 1 >= maxConflicts) {
        throw error;
      }
    }
  }
}
