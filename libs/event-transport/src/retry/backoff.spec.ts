import { describe, expect, it } from 'vitest';
import {
  assertValidRetryPolicy,
  backoffDelayMs,
  InvalidRetryPolicyError,
  minimumBackoffDelayMs,
} from './backoff.js';

const policy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 1_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling after each failure and caps it', () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((failures) =>
      backoffDelayMs(policy, failures, () => 1),
    );
    expect(ceilings).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('jitters within [ceiling/2, ceiling]', () => {
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(200);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(300);
    expect(backoffDelayMs(policy, 3, () => 0.999_999)).toBe(400);
  });

  it('never waits less after more failures, whatever the jitter', () => {
    for (let failures = 1; failures < 10; failures += 1) {
      expect(backoffDelayMs(policy, failures + 1, () => 0)).toBeGreaterThanOrEqual(
        backoffDelayMs(policy, failures, () => 1) / 2,
      );
    }
    expect(minimumBackoffDelayMs(policy, 2)).toBe(100);
  });

  it('survives absurd failure counts', () => {
    expect(backoffDelayMs(policy, 10_000, () => 1)).toBe(1_000);
  });
});

describe('assertValidRetryPolicy', () => {
  it('accepts a sane policy', () => {
    expect(() => {
      assertValidRetryPolicy(policy);
    }).not.toThrow();
  });

  it.each([
    { ...policy, maxAttempts: 0 },
    { ...policy, maxAttempts: 1.5 },
    { ...policy, initialBackoffMs: -1 },
    { ...policy, maxBackoffMs: 50 },
    { ...policy, maxBackoffMs: Number.POSITIVE_INFINITY },
  ])('refuses %o', (invalid) => {
    expect(() => {
      assertValidRetryPolicy(invalid);
    }).toThrow(InvalidRetryPolicyError);
  });
});
