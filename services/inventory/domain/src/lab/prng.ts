const alphanumerics = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * A small seeded pseudo-random generator (mulberry32: 32 bits of state, period 2^32), so that a
 * lab is the same for the same seed on every machine and Node version. Not for anything that
 * needs to be unpredictable.
 */
export class Random {
  private state: number;

  /** Any safe integer seeds it; the high bits are folded into the 32-bit state. */
  constructor(seed: number) {
    const high = Math.floor(seed / 2 ** 32);
    this.state = (seed ^ Math.imul(high, 0x9e3779b1)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(choices: readonly [T, ...T[]]): T {
    return choices[Math.floor(this.next() * choices.length)] ?? choices[0];
  }

  /** Upper-case letters and digits, without the easily confused I and O. */
  alphanumeric(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++)
      text += alphanumerics.charAt(this.int(0, alphanumerics.length - 1));
    return text;
  }
}
