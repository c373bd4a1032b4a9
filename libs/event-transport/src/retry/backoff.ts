import type { RetryPolicy } from '../port.js';
import { TesseraError } from '@tessera/errors';

/** The growth of waits between attempts: `initial · 2^(n-1)`, capped at `max`. */
export type BackoffPolicy = Pick<RetryPolicy, 'initialBackoffMs' | 'maxBackoffMs'>;

export class InvalidRetryPolicyError extends TesseraError<'INVALID_RETRY_POLICY'> {
  readonly code = 'INVALID_RETRY_POLICY';
}

export function assertValidBackoff(policy: BackoffPolicy): void {
  const { initialBackoffMs, maxBackoffMs } = policy;
  if (!Number.isFinite(initialBackoffMs) || initialBackoffMs < 0) {
    throw new InvalidRetryPolicyError(
      `initialBackoffMs must be a finite number ≥ 0, got ${initialBackoffMs}`,
    );
  }
  if (!Number.isFinite(maxBackoffMs) || maxBackoffMs < initialBackoffMs) {
    throw new InvalidRetryPolicyError(
      `maxBackoffMs must be finite and ≥ initialBackoffMs (${initialBackoffMs}), got ${maxBackoffMs}`,
    );
  }
}

export function assertValidRetryPolicy(policy: RetryPolicy): void {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new InvalidRetryPolicyError(
      `maxAttempts must be an integer ≥ 1, got ${policy.maxAttempts}`,
    );
  }
  assertValidBackoff(policy);
}

/**
 * How long to wait after the `failures`-th consecutive failure (1-based) before trying again.
 * "Equal jitter": a uniform pick in [ceiling/2, ceiling] where the ceiling doubles each time.
 * Spreads retries of many consumers apart while every wait still at least matches half the
 * previous ceiling, so waits grow until they reach the cap.
 */
export function backoffDelayMs(
  policy: BackoffPolicy,
  failures: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 52));
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The shortest wait `backoffDelayMs` can return after `failures` failures. */
export function minimumBackoffDelayMs(policy: BackoffPolicy, failures: number): number {
  return backoffDelayMs(policy, failures, () => 0);
}
