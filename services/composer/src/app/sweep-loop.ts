import type { ReservationSweep } from '../infrastructure/reservations/index.js';

export interface SweepLoop {
  /** Waits for the sweep in hand, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs the reservation sweep every `intervalMs`, one at a time. A failed sweep is reported and
 * the next runs anyway: what it missed is still expired then.
 */
export function runSweepLoop(
  sweep: ReservationSweep,
  intervalMs: number,
  onError: (error: unknown) => void,
): SweepLoop {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= sweep
      .releaseExpiredReservations(new Date())
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
