import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievedRate, dueOffsetMs, laneIndices, plannedEvents } from './pacing.js';

describe('dueOffsetMs', () => {
  it('spaces events evenly at the rate', () => {
    expect(dueOffsetMs(0, 1_000)).toBe(0);
    expect(dueOffsetMs(1, 1_000)).toBe(1);
    expect(dueOffsetMs(500, 1_000)).toBe(500);
    expect(dueOffsetMs(3, 250)).toBe(12);
  });

  it('puts event rate x seconds exactly at that second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 60 }),
        (rate, seconds) => {
          expect(dueOffsetMs(rate * seconds, rate)).toBeCloseTo(seconds * 1_000, 6);
        },
      ),
    );
  });

  it('refuses a rate that is not positive and an index that is not a natural number', () => {
    expect(() => dueOffsetMs(1, 0)).toThrow(RangeError);
    expect(() => dueOffsetMs(1, -5)).toThrow(RangeError);
    expect(() => dueOffsetMs(-1, 100)).toThrow(RangeError);
    expect(() => dueOffsetMs(1.5, 100)).toThrow(RangeError);
  });
});

describe('plannedEvents', () => {
  it('is rate times duration', () => {
    expect(plannedEvents(1_000, 10_000)).toBe(10_000);
    expect(plannedEvents(250, 2_000)).toBe(500);
    expect(plannedEvents(3, 500)).toBe(2);
    expect(plannedEvents(1_000, 0)).toBe(0);
  });
});

describe('laneIndices', () => {
  it('deals indices round-robin', () => {
    expect(laneIndices(0, 3, 8)).toEqual([0, 3, 6]);
    expect(laneIndices(2, 3, 8)).toEqual([2, 5]);
    expect(laneIndices(0, 1, 3)).toEqual([0, 1, 2]);
  });

  it('gives every index to exactly one lane, each lane in ascending order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 500 }),
        (lanes, total) => {
          const perLane = Array.from({ length: lanes }, (_, lane) =>
            laneIndices(lane, lanes, total),
          );
          for (const indices of perLane) {
            expect(indices).toEqual([...indices].sort((a, b) => a - b));
          }
          expect(perLane.flat().sort((a, b) => a - b)).toEqual(
            Array.from({ length: total }, (_, index) => index),
          );
        },
      ),
    );
  });

  it('refuses a lane outside the lanes', () => {
    expect(() => laneIndices(3, 3, 10)).toThrow(RangeError);
    expect(() => laneIndices(0, 0, 10)).toThrow(RangeError);
  });
});

describe('achievedRate', () => {
  it('equals the planned rate when every event is sent on time', () => {
    const sends = Array.from({ length: 1_000 }, (_, index) => 3_000 + dueOffsetMs(index, 100));
    expect(achievedRate(sends, 3_000, 10_000)).toBe(100);
  });

  it('drops when sends run past the window', () => {
    // 100 events due in a 1 s window, the last one sent 4 s after the window opened.
    const sends = Array.from({ length: 100 }, (_, index) => (index * 4_000) / 99);
    expect(achievedRate(sends, 0, 1_000)).toBe(25);
  });

  it('is zero without sends', () => {
    expect(achievedRate([], 0, 1_000)).toBe(0);
  });
});
