import {
  type Composition,
  type CompositionCommand,
  type CompositionFact,
  type CompositionState,
  decideComposition,
  evolveComposition,
} from '@tessera/composer-domain';
import type { CommandContext } from '../ports/command-context.js';
import { VersionConflictError } from '../ports/composition-repository.js';
import type { ComposeDeps } from '../compose/compose-deps.js';
import { ledgerEffectsOf } from './ledger-effects.js';

/** Appends decided on a composition that moved meanwhile are decided again, this many times. */
const maxConflicts = 5;

type ApplyDeps = Pick<ComposeDeps, 'compositions' | 'clock'> &
  Partial<Pick<ComposeDeps, 'candidates'>>;

/**
 * Loads a composition, decides `command` and appends the facts together with their ledger
 * effects; on a version conflict (another delivery or replica moved it) it loads and decides
 * again. Returns the facts appended (none when the command changed nothing), or undefined when
 * there is no such composition. Devices the ledger released are counted free again in the
 * scheduler's index of this process (`candidates`, when given).
 */
export function applyCommand(
  deps: ApplyDeps,
  compositionId: string,
  command: CompositionCommand,
  context: CommandContext,
): Promise<readonly CompositionFact[] | undefined> {
  return applyCommands(deps, compositionId, [command], context, () => false);
}

/**
 * `applyCommand` for several commands in order, with one load and one append: each is decided
 * on the state the facts before it left. A command whose decision throws an error that
 * `skipped` accepts is left out (it changes nothing); any other error stops them all.
 */
export async function applyCommands(
  deps: ApplyDeps,
  compositionId: string,
  commands: readonly CompositionCommand[],
  context: CommandContext,
  skipped: (error: unknown) => boolean,
): Promise<readonly CompositionFact[] | undefined> {
  for (let conflicts = 0; ; conflicts += 1) {
    const { state, version } =
      conflicts === 0
        ? await deps.compositions.loadToDecide(compositionId)
        : await deps.compositions.load(compositionId);
    if (state.status === 'absent') {
      return undefined;
    }
    const facts = decideInOrder(commands, state, deps.clock.now(), skipped);
    if (facts.length === 0) {
      return facts;
    }
    const { work, releasedDeviceIds } = ledgerEffectsOf(state, facts);
    try {
      await (work === undefined
        ? deps.compositions.append(compositionId, facts, version, context)
        : deps.compositions.appendWithLedger(compositionId, facts, version, context, work));
      await forgetReleased(deps, releasedDeviceIds);
      return facts;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || conflicts + 1 >= maxConflicts) {
        throw error;
      }
    }
  }
}

function decideInOrder(
  commands: readonly CompositionCommand[],
  state: Composition,
  now: Date,
  skipped: (error: unknown) => boolean,
): CompositionFact[] {
  const facts: CompositionFact[] = [];
  let current: CompositionState = state;
  for (const command of commands) {
    let decided: readonly CompositionFact[];
    try {
      decided = decideComposition(command, current, now);
    } catch (error) {
      if (skipped(error)) continue;
      throw error;
    }
    for (const fact of decided) current = evolveComposition(current, fact);
    facts.push(...decided);
  }
  return facts;
}

async function forgetReleased(
  deps: Partial<Pick<ComposeDeps, 'candidates'>>,
  deviceIds: readonly string[],
): Promise<void> {
  if (deps.candidates === undefined || deviceIds.length === 0) {
    return;
  }
  const index = await deps.candidates();
  for (const deviceId of deviceIds) {
    index.addAllocations(deviceId, -1);
  }
}
