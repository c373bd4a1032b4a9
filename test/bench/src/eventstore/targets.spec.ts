import { describe, expect, it } from 'vitest';
import { atLeast, latencyAtRate } from './targets.js';

describe('atLeast', () => {
  it('is met at and above the minimum', () => {
    expect(atLeast(5_000, 5_000, 'events/s')).toEqual({
      target: '>= 5000 events/s',
      measured: 5_000,
      unit: 'events/s',
      met: true,
    });
    expect(atLeast(4_999.9, 5_000, 'events/s').met).toBe(false);
  });
});

describe('latencyAtRate', () => {
  const onTarget = { p99: 40, plannedRate: 1_000, achievedRate: 990, undelivered: 0 };

  it('is met when the p99 is within the bound at (nearly) the planned rate with nothing lost', () => {
    expect(latencyAtRate(onTarget, 50)).toEqual({
      target: 'p99 <= 50 ms at 1000 events/s',
      measured: 40,
      unit: 'ms',
      met: true,
    });
  });

  it('fails a p99 above the bound', () => {
    expect(latencyAtRate({ ...onTarget, p99: 50.01 }, 50).met).toBe(false);
  });

  it('fails a good p99 measured below 95% of the planned rate, and says why', () => {
    const check = latencyAtRate({ ...onTarget, achievedRate: 600 }, 50);
    expect(check.met).toBe(false);
    expect(check.note).toContain('600 of 1000 events/s');
  });

  it('fails when measured events never arrived, and without any measurement', () => {
    expect(latencyAtRate({ ...onTarget, undelivered: 1 }, 50).note).toContain(
      '1 measured events never arrived',
    );
    expect(latencyAtRate({ ...onTarget, p99: null }, 50)).toMatchObject({
      met: false,
      measured: null,
    });
  });
});
