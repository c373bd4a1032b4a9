import { performance } from 'node:perf_hooks';
import { BenchAbortedError } from './errors.js';

/** Monotonic milliseconds: every duration and latency of the benchmarks is measured with it. */
export function now(): number {
  return performance.now();
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Checks `condition` every `intervalMs` until it holds (true), `timeoutMs` passed or `signal`
 * aborted (false). Bounded by `timeoutMs` whatever `condition` does, as long as it settles.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<boolean> {
  const deadline = now() + options.timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (options.signal?.aborted || now() >= deadline) return false;
    await sleep(Math.min(options.intervalMs ?? 20, deadline - now()), options.signal);
  }
}

/** Throws `BenchAbortedError` once the run was interrupted (between phases). */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new BenchAbortedError(describeReason(signal.reason));
}

function describeReason(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
