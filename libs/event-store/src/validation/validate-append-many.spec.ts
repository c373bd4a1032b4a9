import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  PayloadTooLargeError,
} from '../errors.js';
import {
  maxAppendManyEntries,
  maxAppendManyEvents,
  validateAppendMany,
} from './validate-append-many.js';

const options = { correlationId: 'import-1', actor: 'service:inventory' };
let next = 0;
const event = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  next += 1;
  return {
    id: `0190c3d6-3f7a-7cc1-9d36-${String(next).padStart(12, '0')}`,
    type: 'DeviceDiscovered',
    schemaVersion: 1,
    data: { slot: next },
    ...overrides,
  };
};
const entry = (streamId: string, overrides: Record<string, unknown> = {}): unknown => ({
  streamId,
  events: [event()],
  expectedVersion: 'no-stream',
  ...overrides,
});

/** The error `validateAppendMany` throws for `entries`. */
function refusal(entries: unknown, maxPayloadBytes = 1024): unknown {
  try {
    validateAppendMany(entries, options, maxPayloadBytes);
  } catch (error) {
    return error;
  }
  throw new Error('expected validateAppendMany to throw');
}

describe('validateAppendMany', () => {
  it('returns every entry with its events serialized and the shared metadata', () => {
    const plan = validateAppendMany(
      [entry('device-a'), entry('device-b', { expectedVersion: 3, events: [event(), event()] })],
      options,
      1024,
    );
    expect(plan.entries.map((checked) => [checked.streamId, checked.expected])).toEqual([
      ['device-a', 'no-stream'],
      ['device-b', 3],
    ]);
    expect(plan.entries[1]?.events).toHaveLength(2);
    expect(plan.metadata).toMatchObject({ correlationId: 'import-1', tenant: null });
    expect(validateAppendMany([], options, 1024).entries).toEqual([]);
  });

  it.each([
    ['a bad stream id', { streamId: 'nocategory' }, InvalidStreamIdError, /invalid stream id/],
    ['no events', { events: [] }, InvalidEventError, /events must be a non-empty array/],
    [
      'a bad event',
      { events: [event(), event({ type: '' })] },
      InvalidEventError,
      /event #1: type/,
    ],
    [
      'an oversized event',
      { events: [event({ data: { blob: 'x'.repeat(2000) } })] },
      PayloadTooLargeError,
      /event #0: data is \d+ bytes/,
    ],
    ['a malformed expected version', { expectedVersion: '3' }, InvalidExpectedVersionError, /"3"/],
    ["'any'", { expectedVersion: 'any' }, InvalidArgumentError, /use append for it/],
  ])(
    'refuses an entry with %s, keeping the error type and naming the entry',
    (_, bad, type, message) => {
      const error = refusal([entry('device-a'), entry('device-b'), entry('device-c', bad)]);
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ entryIndex: 2 });
      expect(String(error)).toMatch(/entries\[2\]: /);
      expect(String(error)).toMatch(message);
    },
  );

  it('refuses an entry that is not an object', () => {
    expect(refusal([entry('device-a'), null])).toMatchObject({
      code: 'INVALID_ARGUMENT',
      entryIndex: 1,
    });
  });

  it('refuses a stream or an event id that appears in two entries, naming both', () => {
    const repeatedStream = refusal([entry('device-a'), entry('device-b'), entry('device-a')]);
    expect(repeatedStream).toBeInstanceOf(InvalidArgumentError);
    expect(String(repeatedStream)).toContain(
      'entries[2]: streamId device-a is also the stream of entries[0]',
    );

    const shared = event();
    const repeatedEvent = refusal([
      entry('device-a', { events: [shared] }),
      entry('device-b', { events: [event(), shared] }),
    ]);
    expect(repeatedEvent).toBeInstanceOf(InvalidEventError);
    expect(repeatedEvent).toMatchObject({ entryIndex: 1, index: 1 });
    expect(String(repeatedEvent)).toContain('also appears in entries[0]');
  });

  it('refuses more entries or events than one call takes, and a non-array', () => {
    const entries = Array.from({ length: maxAppendManyEntries + 1 }, (_, index) =>
      entry(`device-${index}`),
    );
    expect(String(refusal(entries))).toContain(`more than ${maxAppendManyEntries}`);
    const events = Array.from({ length: maxAppendManyEvents / 2 + 1 }, () => event());
    const heavy = [entry('device-a', { events }), entry('device-b', { events })];
    expect(refusal(heavy)).toBeInstanceOf(InvalidArgumentError);
    expect(String(refusal(heavy))).toContain(`more than ${maxAppendManyEvents}`);
    expect(refusal({ entries: [] })).toBeInstanceOf(InvalidArgumentError);
  });

  it('refuses bad metadata once for the whole call', () => {
    expect(() => validateAppendMany([entry('device-a')], { ...options, actor: '' }, 1024)).toThrow(
      /actor must be a non-empty string/,
    );
  });
});
