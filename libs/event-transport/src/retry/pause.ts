/**
 * Waits `ms`, or less when `signal` aborts. Resolves `true` when the full time passed and
 * `false` when it was cut short. `keepAlive`, when given, runs at least every `keepAliveEveryMs`
 * during the wait (a Kafka consumer must keep heartbeating while it backs off); its errors
 * end the wait with that error.
 */
export async function pause(
  ms: number,
  signal: AbortSignal,
  keepAlive?: () => Promise<void>,
  keepAliveEveryMs = 1_000,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (let slice = 0; ; slice += 1) {
    if (signal.aborted) {
      return false;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      return true;
    }
    if (keepAlive && slice > 0) {
      await keepAlive();
    }
    await sleepUnlessAborted(keepAlive ? Math.min(remaining, keepAliveEveryMs) : remaining, signal);
  }
}

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
