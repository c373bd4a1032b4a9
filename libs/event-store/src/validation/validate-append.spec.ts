import { describe, expect, it } from 'vitest';
import {
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  PayloadTooLargeError,
} from '../errors.js';
import {
  validateEvents,
  validateExpectedVersion,
  validateMetadata,
  validateStreamId,
} from './validate-append.js';

const id = '0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4';
const event = (overrides: Record<string, unknown> = {}): unknown => ({
  id,
  type: 'DeviceAttached',
  schemaVersion: 1,
  data: { deviceId: 'gpu-1' },
  ...overrides,
});

describe('validateStreamId', () => {
  it('accepts <category>-<id>', () => {
    expect(validateStreamId('device-0190c3d6-4b1e')).toBe('device-0190c3d6-4b1e');
    expect(validateStreamId('composition.lease-finance:q4')).toBe('composition.lease-finance:q4');
  });

  it.each([
    ['', /non-empty/],
    [42, /non-empty string/],
    ['device', /<category>-<id>/],
    ['-abc', /<category>-<id>/],
    ['device-has space', /<category>-<id>/],
    [`device-${'x'.repeat(300)}`, /more than 255/],
  ])('refuses %j', (streamId, message) => {
    expect(() => validateStreamId(streamId)).toThrow(InvalidStreamIdError);
    expect(() => validateStreamId(streamId)).toThrow(message);
  });
});

describe('validateExpectedVersion', () => {
  it.each([0, 3, 'no-stream', 'stream-exists', 'any'])('accepts %j', (value) => {
    expect(validateExpectedVersion(value)).toBe(value);
  });

  it.each(['3', -2, 1.5, null, undefined, Number.NaN, 'latest'])('refuses %j', (value) => {
    expect(() => validateExpectedVersion(value)).toThrow(InvalidExpectedVersionError);
  });

  it('names the bad value and the allowed forms', () => {
    expect(() => validateExpectedVersion('3')).toThrow(
      /expectedVersion "3" is not valid.*'no-stream'/,
    );
  });
});

describe('validateEvents', () => {
  it('returns the events with lower-case ids and their serialized data', () => {
    const [validated] = validateEvents([event({ id: id.toUpperCase() })], 1024);
    expect(validated).toEqual({
      id,
      type: 'DeviceAttached',
      schemaVersion: 1,
      data: { deviceId: 'gpu-1' },
      json: '{"deviceId":"gpu-1"}',
    });
  });

  it.each([
    ['no events', [], 'events', /non-empty array/],
    ['a missing type', [event({ type: undefined })], 'type', /type must be a non-empty string/],
    ['an empty type', [event({ type: '' })], 'type', /non-empty string/],
    [
      'a type with spaces',
      [event({ type: 'Device Attached' })],
      'type',
      /must start with a letter/,
    ],
    ['an id that is not a UUID', [event({ id: 'abc' })], 'id', /id must be a UUID, got "abc"/],
    [
      'a fractional schemaVersion',
      [event({ schemaVersion: 1.5 })],
      'schemaVersion',
      /integer >= 1, got 1.5/,
    ],
    ['a string schemaVersion', [event({ schemaVersion: '2' })], 'schemaVersion', /got "2"/],
    ['array data', [event({ data: [1] })], 'data', /JSON object/],
    ['null data', [event({ data: null })], 'data', /JSON object/],
    ['Date data', [event({ data: new Date() })], 'data', /JSON object/],
    ['undefined inside data', [event({ data: { a: { b: undefined } } })], 'data', /data\.a\.b/],
    ['NaN inside data', [event({ data: { n: Number.NaN } })], 'data', /data\.n/],
    ['a NUL character', [event({ data: { s: 'a\u0000b' } })], 'data', /NUL/],
    ['a bigint', [event({ data: { n: 1n } })], 'data', /serialized as JSON/],
    ['the same id twice', [event(), event()], 'id', /appears more than once/],
  ])('refuses %s, naming the field', (_case, events, field, message) => {
    let thrown: unknown;
    try {
      validateEvents(events, 1024);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEventError);
    expect((thrown as InvalidEventError).field).toBe(field);
    expect((thrown as InvalidEventError).message).toMatch(message);
  });

  it('refuses data over the limit with its size', () => {
    const data = { blob: 'x'.repeat(2000) };
    expect(() => validateEvents([event({ data })], 1024)).toThrow(PayloadTooLargeError);
    expect(() => validateEvents([event({ data })], 1024)).toThrow(
      /event #0: data is 2011 bytes.*1024/,
    );
  });

  it('counts bytes, not characters', () => {
    expect(() => validateEvents([event({ data: { s: 'é'.repeat(600) } })], 1024)).toThrow(
      PayloadTooLargeError,
    );
  });
});

describe('validateMetadata', () => {
  it('requires correlationId and actor and normalizes absent optional ids to null', () => {
    expect(validateMetadata({ correlationId: 'c-1', actor: 'user:alice' })).toEqual({
      correlationId: 'c-1',
      causationId: null,
      actor: 'user:alice',
      tenant: null,
    });
    expect(() => validateMetadata({ correlationId: '', actor: 'user:alice' })).toThrow(
      /correlationId must be a non-empty string/,
    );
    expect(() => validateMetadata({ correlationId: 'c', actor: 'a', tenant: '' })).toThrow(
      /tenant/,
    );
  });
});
