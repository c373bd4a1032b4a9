import { describe, expect, it } from 'vitest';
import { Random } from './prng.js';

const draws = (random: Random, count: number): number[] =>
  Array.from({ length: count }, () => random.next());

describe('Random', () => {
  it('follows mulberry32, so a seed gives the same lab on every machine and in every release', () => {
    expect(draws(new Random(0), 2)).toEqual([0.26642920868471265, 0.0003297457005828619]);
    expect(draws(new Random(7), 3)).toEqual([
      0.011704753153026104, 0.06195825757458806, 0.97690763277933,
    ]);
  });

  it('repeats its sequence for a seed and changes it for another', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
    expect(draws(new Random(43), 100)).not.toEqual(draws(new Random(42), 100));
  });

  it('uses the high bits of large seeds', () => {
    expect(draws(new Random(2 ** 40 + 5), 10)).not.toEqual(draws(new Random(5), 10));
  });

  it('spreads integers evenly over the whole range, both ends included', () => {
    const random = new Random(1);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const value = random.int(1, 6);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('writes serial-like text without I and O', () => {
    const text = new Random(3).alphanumeric(2_000);
    expect(text).toMatch(/^[A-HJ-NP-Z0-9]{2000}$/);
  });
});
