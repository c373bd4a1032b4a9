import { VersionConflictError } from '../ports/item-repository.js';

export interface DecideAndAppend<TState, TFact> {
  readonly load: () => Promise<{ state: TState; version: number }>;
  readonly decide: (state: TState) => TFact[];
  readonly append: (facts: TFact[], expectedVersion: number) => Promise<void>;
  /** Attempts before a command that keeps meeting concurrent writers gives up. */
  readonly maxAttempts: number;
  /** Upper bound of the random pause after the n-th conflict: n times this, at most 200 ms. */
  readonly conflictBackoffStepMs: number;
}

/**
 * Loads an aggregate, decides the command and appends the facts with the version it read. When
 * another writer got there first the command is decided again on the new state (never merged
 * blindly), after a short random pause that spreads out writers racing for the same aggregate;
 * after `maxAttempts` conflicts the last `VersionConflictError` is thrown. Deciding nothing
 * appends nothing.
 */
export async function decideAndAppend<TState, TFact>(
  steps: DecideAndAppend<TState, TFact>,
): Promise<TFact[]> {
  for (let attempt = 1; ; attempt += 1) {
    const { state, version } = await steps.load();
    const facts = steps.decide(state);
    if (facts.length === 0) return facts;
    try {
      await steps.append(facts, version);
      return facts;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= steps.maxAttempts) throw error;
      const bound = Math.min(200, attempt * steps.conflictBackoffStepMs);
      if (bound > 0) await pause(Math.random() * bound);
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
