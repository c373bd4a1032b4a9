import { describe, expect, it } from 'vitest';
import { percentile, round, summarize } from './percentiles.js';

const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

describe('percentile (nearest rank)', () => {
  it('picks the smallest sample with at least p% of the samples at or below it', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 90)).toBe(90);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 99.5)).toBe(100);
    expect(percentile(oneToHundred, 100)).toBe(100);
  });

  it('never interpolates: a p99 of few samples is the largest one', () => {
    expect(percentile([1, 2, 3, 1_000], 99)).toBe(1_000);
    expect(percentile([1, 2, 3, 1_000], 50)).toBe(2);
    expect(percentile([7], 1)).toBe(7);
  });

  it('has no value for no samples and refuses percents outside (0, 100]', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile(oneToHundred, 0)).toThrow(RangeError);
    expect(() => percentile(oneToHundred, 101)).toThrow(RangeError);
    expect(() => percentile(oneToHundred, Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts its input and reports count, min, mean, percentiles and max', () => {
    const shuffled = [...oneToHundred].reverse();
    expect(summarize(shuffled)).toEqual({
      count: 100,
      min: 1,
      mean: 50.5,
      p50: 50,
      p90: 90,
      p99: 99,
      max: 100,
    });
    expect(shuffled[0]).toBe(100);
  });

  it('reports nulls for no samples', () => {
    expect(summarize([])).toEqual({
      count: 0,
      min: null,
      mean: null,
      p50: null,
      p90: null,
      p99: null,
      max: null,
    });
  });

  it('rounds to hundredths of a millisecond', () => {
    expect(summarize([1.23456, 2.34567]).max).toBe(2.35);
    expect(round(12.3456, 1)).toBe(12.3);
  });
});
