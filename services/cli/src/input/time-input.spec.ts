import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parseDuration, parseInstant } from './time-input.js';

describe('parseDuration', () => {
  it('reads units, compounds and bare seconds', () => {
    expect(parseDuration('5m', '--timeout')).toBe(300_000);
    expect(parseDuration('1h30m', '--timeout')).toBe(5_400_000);
    expect(parseDuration('250ms', '--timeout')).toBe(250);
    expect(parseDuration('90', '--timeout')).toBe(90_000);
    expect(parseDuration('2d', '--timeout')).toBe(172_800_000);
  });

  it('names the flag when the text is no duration', () => {
    expect(() => parseDuration('5 minutes', '--timeout')).toThrow(UsageError);
    expect(() => parseDuration('', '--timeout')).toThrow(/--timeout/);
  });
});

describe('parseInstant', () => {
  const now = Date.parse('2030-01-01T12:00:00.500Z');

  it('reads now and durations from now, in whole seconds', () => {
    expect(parseInstant('now', '--from', now)).toBe('2030-01-01T12:00:00Z');
    expect(parseInstant('+2h', '--to', now)).toBe('2030-01-01T14:00:00Z');
    expect(parseInstant('90d', '--expires', now)).toBe('2030-04-01T12:00:00Z');
  });

  it('reads ISO dates and timestamps as UTC', () => {
    expect(parseInstant('2030-03-28T00:00:00Z', '--from', now)).toBe('2030-03-28T00:00:00Z');
    expect(parseInstant('2030-03-28T02:00:00+02:00', '--from', now)).toBe('2030-03-28T00:00:00Z');
    expect(parseInstant('2030-03-28', '--from', now)).toBe('2030-03-28T00:00:00Z');
  });

  it('refuses what is no time', () => {
    expect(() => parseInstant('tomorrow', '--from', now)).toThrow(
      /--from: "tomorrow" is not a time/,
    );
  });
});
