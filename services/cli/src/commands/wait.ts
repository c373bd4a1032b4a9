import type { ApiClient } from '../client/api-client.js';
import { WaitFailedError } from '../errors.js';
import { cellText, valueAt } from '../output/values.js';
import type { Session } from './session.js';

/** Where `--wait` stops: the phase wanted, and whether the answer may be the old state. */
export interface WaitGoal {
  readonly phase: 'Ready' | 'Decomposed';
  /**
   * The command changes a composition that may already be in `phase` (expand, shrink): only a
   * later version counts. A create may answer a settled composition (a repeated
   * Idempotency-Key), which counts as it is.
   */
  readonly needsNewVersion: boolean;
}

export type WaitOutcome = 'reached' | 'failed' | 'timed out' | 'interrupted';

const pollIntervalMs = 500;

/**
 * Polls a composition until it reaches the goal's phase or Failed, or `timeoutMs` passes,
 * noting each new phase on stderr. Answers the composition as last read, and how it ended.
 */
export async function waitForComposition(
  session: Session,
  client: ApiClient,
  accepted: unknown,
  goal: WaitGoal,
  timeoutMs: number,
): Promise<{ composition: unknown; outcome: WaitOutcome }> {
  const id = cellText(valueAt(accepted, 'id'));
  const acceptedVersion = Number(valueAt(accepted, 'version') ?? 0);
  const deadline = session.now() + timeoutMs;
  const settled = (composition: unknown): WaitOutcome | undefined => {
    const phase = phaseOf(composition);
    if (phase !== goal.phase && phase !== 'Failed') return undefined;
    const fresh =
      !goal.needsNewVersion ||
      Number(valueAt(composition, 'version') ?? 0) > acceptedVersion ||
      (phaseOf(accepted) !== goal.phase && phaseOf(accepted) !== 'Failed') ||
      phase === 'Decomposed';
    if (!fresh) return undefined;
    return phase === goal.phase ? 'reached' : 'failed';
  };
  let composition = accepted;
  let lastPhase = '';
  for (;;) {
    const phase = phaseOf(composition);
    if (phase !== lastPhase) {
      const reason = cellText(valueAt(composition, 'status.reason'));
      session.note(`composition ${id}: ${phase}${reason === '' ? '' : ` (${reason})`}`);
      lastPhase = phase;
    }
    const outcome = settled(composition);
    if (outcome !== undefined) return { composition, outcome };
    if (session.io.signal?.aborted === true) return { composition, outcome: 'interrupted' };
    if (session.now() >= deadline) return { composition, outcome: 'timed out' };
    await sleep(Math.min(pollIntervalMs, Math.max(0, deadline - session.now())), session.io.signal);
    composition = (await client.get(`/v1/compositions/${encodeURIComponent(id)}`)).body;
  }
}

/** The error a wait that did not reach its goal exits with. */
export function waitError(
  composition: unknown,
  goal: WaitGoal,
  outcome: WaitOutcome,
  timeout: string,
): WaitFailedError {
  const id = cellText(valueAt(composition, 'id'));
  const phase = phaseOf(composition);
  const reason = cellText(valueAt(composition, 'status.reason'));
  switch (outcome) {
    case 'failed':
      return new WaitFailedError(`composition ${id} failed${reason === '' ? '' : `: ${reason}`}`);
    case 'timed out':
      return new WaitFailedError(
        `composition ${id} is ${phase}, not ${goal.phase}, after ${timeout}`,
        ['wait longer with --timeout, or see `tessera describe composition ' + id + '`'],
      );
    case 'interrupted':
      return new WaitFailedError(`stopped waiting: composition ${id} is ${phase}`);
    case 'reached':
      throw new Error('a wait that reached its goal is no error');
    default: {
      const unknown: never = outcome;
      throw new Error(`wait outcome ${String(unknown)} is not handled`);
    }
  }
}

function phaseOf(composition: unknown): string {
  return cellText(valueAt(composition, 'status.phase'));
}

async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
