import { UsageError } from '../errors.js';

const units: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `90s`, `5m`, `1h30m`, `2d`, or a bare number of seconds: milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(trimmed); match !== null; match = part.exec(trimmed)) {
    total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
    consumed = part.lastIndex;
  }
  if (trimmed === '' || consumed !== trimmed.length) {
    throw new UsageError(`${flag}: "${text}" is not a duration`, ['e.g. 90s, 5m, 1h30m, 2d']);
  }
  return Math.round(total);
}

/**
 * A moment as the API takes it (ISO 8601, UTC): an ISO date or timestamp, `now`, or a duration
 * from now (`+2h`, `30m`, `7d`).
 */
export function parseInstant(text: string, flag: string, now: number): string {
  const trimmed = text.trim();
  if (trimmed === 'now') return isoOf(now);
  if (/^\+?\d/.test(trimmed) && !/^\d{4}-/.test(trimmed)) {
    return isoOf(now + parseDuration(trimmed.replace(/^\+/, ''), flag));
  }
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) {
    throw new UsageError(`${flag}: "${text}" is not a time`, [
      'e.g. 2030-01-01T00:00:00Z, 2030-01-01, now, +2h, 7d',
    ]);
  }
  return isoOf(parsed);
}

/** Whole seconds, `Z`: what strict ISO 8601 validators and people both read. */
function isoOf(milliseconds: number): string {
  return new Date(Math.floor(milliseconds / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
