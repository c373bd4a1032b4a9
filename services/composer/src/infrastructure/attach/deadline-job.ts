import { randomUUID } from 'node:crypto';
import { checkDeadlines, type CheckDeadlinesDeps } from '../../application/attach/index.js';

export interface DeadlineJob {
  /** Waits for the check in hand, then stops. */
  stop(): Promise<void>;
}

/**
 * Calls `checkDeadlines` every `intervalMs`, one check at a time, as actor `system`. A failed
 * check is reported to `onError` and the next one runs anyway: a missed deadline is found again
 * on the next tick, since its reservation stays expired until it is given up.
 */
export function runDeadlineJob(
  deps: CheckDeadlinesDeps,
  intervalMs: number,
  onError: (error: unknown) => void,
): DeadlineJob {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    // One check at a time: a tick that finds one still running skips.
    running ??= checkDeadlines(deps, deps.clock.now(), {
      correlationId: randomUUID(),
      actor: 'system',
    })
      .then(() => undefined)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
