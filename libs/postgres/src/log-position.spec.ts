import { describe, expect, it } from 'vitest';
import {
  compareLogPositions,
  decodeLogPosition,
  encodeLogPosition,
  InvalidLogPositionError,
  logStart,
} from './log-position.js';

describe('log positions', () => {
  it('round-trips through its text form, also past 2^53 transaction ids', () => {
    const position = { transactionId: '18446744073709551000', position: 42 };
    expect(decodeLogPosition(encodeLogPosition(position))).toEqual(position);
  });

  it.each(['', '12', '12:', ':3', 'a:1', '1:-1', '1:2:3', '1:99999999999999999'])(
    'refuses %j with a typed error',
    (text) => {
      expect(() => decodeLogPosition(text)).toThrow(InvalidLogPositionError);
    },
  );

  it('orders by transaction first, then by position', () => {
    const a = { transactionId: '9', position: 100 };
    const b = { transactionId: '10', position: 1 };
    expect(compareLogPositions(a, b)).toBe(-1);
    expect(compareLogPositions(b, a)).toBe(1);
    expect(compareLogPositions(a, { ...a })).toBe(0);
    expect(compareLogPositions(logStart, a)).toBe(-1);
  });
});
