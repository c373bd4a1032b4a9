import { describe, expect, it } from 'vitest';
import { LatencyRecorder, latenciesBetween, perSecond } from './latency-recorder.js';

describe('LatencyRecorder', () => {
  it('summarizes what it recorded', () => {
    const recorder = new LatencyRecorder();
    for (const sample of [5, 1, 3, 2, 4]) recorder.record(sample);
    expect(recorder.count).toBe(5);
    expect(recorder.summary()).toMatchObject({ count: 5, min: 1, p50: 3, max: 5, mean: 3 });
  });

  it('keeps at most its bound of samples and counts the rest as dropped', () => {
    const recorder = new LatencyRecorder(3);
    for (const sample of [1, 2, 3, 100, 200]) recorder.record(sample);
    expect(recorder.count).toBe(3);
    expect(recorder.droppedCount).toBe(2);
    expect(recorder.summary().max).toBe(3);
  });

  it('refuses samples that are not finite numbers', () => {
    const recorder = new LatencyRecorder();
    expect(() => {
      recorder.record(Number.NaN);
    }).toThrow(RangeError);
    expect(() => {
      recorder.record(Number.POSITIVE_INFINITY);
    }).toThrow(RangeError);
    expect(recorder.count).toBe(0);
  });
});

describe('latenciesBetween', () => {
  it('measures end minus start per key, counts keys without an end, ignores keys without a start', () => {
    const starts = new Map([
      ['a', 10],
      ['b', 20],
      ['c', 30],
    ]);
    const ends = new Map([
      ['a', 15],
      ['b', 45],
      ['x', 99],
    ]);
    const { summary, missing } = latenciesBetween(['a', 'b', 'c', 'unknown'], starts, ends);
    expect(missing).toBe(1);
    expect(summary).toMatchObject({ count: 2, min: 5, max: 25 });
  });

  it('keeps an end recorded before its start as a negative latency, not a lost sample', () => {
    const { summary } = latenciesBetween(['a'], new Map([['a', 10]]), new Map([['a', 9]]));
    expect(summary.min).toBe(-1);
  });
});

describe('perSecond', () => {
  it('divides a count by elapsed milliseconds, to a tenth', () => {
    expect(perSecond(1_000, 2_000)).toBe(500);
    expect(perSecond(1, 3_000)).toBe(0.3);
    expect(perSecond(5, 0)).toBe(0);
  });
});
