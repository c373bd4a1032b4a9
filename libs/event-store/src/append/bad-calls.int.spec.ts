import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppendOptions, NewEvent } from '../types.js';
import {
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  PayloadTooLargeError,
  StreamNotFoundError,
} from '../errors.js';
import {
  appendOptions,
  createStoreFixture,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';

let fixture: StoreFixture;
const existing = `counter-${randomUUID()}`;
beforeAll(async () => {
  fixture = await createStoreFixture({ maxPayloadBytes: 4096 });
  await fixture.store.append(existing, [newEvent()], appendOptions('no-stream'));
});
afterAll(async () => {
  await fixture.close();
});

/** Row counts of every table an append writes. */
const snapshot = async (): Promise<number[]> =>
  Promise.all(['streams', 'events', 'outbox'].map((table) => fixture.count(table)));

describe('bad calls are refused with a typed error and store nothing', () => {
  it('reading an unknown stream throws StreamNotFoundError', async () => {
    const missing = `counter-${randomUUID()}`;
    await expect(fixture.store.readStream(missing)).rejects.toThrow(StreamNotFoundError);
    await expect(fixture.store.readStream(missing)).rejects.toMatchObject({
      code: 'STREAM_NOT_FOUND',
      streamId: missing,
    });
  });

  const malformed: [string, unknown, RegExp][] = [
    [
      'a missing type',
      { id: randomUUID(), schemaVersion: 1, data: {} },
      /type must be a non-empty string/,
    ],
    ['an empty type', { id: randomUUID(), type: '', schemaVersion: 1, data: {} }, /type/],
    [
      'an id that is not a UUID',
      { id: 'evt-1', type: 'A', schemaVersion: 1, data: {} },
      /id must be a UUID/,
    ],
    [
      'array data',
      { id: randomUUID(), type: 'A', schemaVersion: 1, data: [] },
      /data must be a JSON object/,
    ],
    [
      'string data',
      { id: randomUUID(), type: 'A', schemaVersion: 1, data: 'x' },
      /data must be a JSON object/,
    ],
    [
      'a non-integer schemaVersion',
      { id: randomUUID(), type: 'A', schemaVersion: 1.5, data: {} },
      /schemaVersion/,
    ],
  ];
  it.each(malformed)(
    'a malformed event (%s) throws InvalidEventError',
    async (_case, event, message) => {
      const before = await snapshot();
      const append = fixture.store.append(
        existing,
        [newEvent(), event as NewEvent],
        appendOptions(1),
      );
      await expect(append).rejects.toThrow(InvalidEventError);
      await expect(
        fixture.store.append(existing, [newEvent(), event as NewEvent], appendOptions(1)),
      ).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('an oversized payload throws PayloadTooLargeError', async () => {
    const before = await snapshot();
    await expect(
      fixture.store.append(existing, [newEvent('A', { blob: 'x'.repeat(5000) })], appendOptions(1)),
    ).rejects.toThrow(PayloadTooLargeError);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['3', -2, 1.5, null, undefined])(
    'expectedVersion %j throws InvalidExpectedVersionError',
    async (expectedVersion) => {
      const before = await snapshot();
      const options = { ...appendOptions(1), expectedVersion } as unknown as AppendOptions;
      await expect(fixture.store.append(existing, [newEvent()], options)).rejects.toThrow(
        InvalidExpectedVersionError,
      );
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(['', 'nocategory', 'counter-with space'])(
    'stream id %j throws InvalidStreamIdError',
    async (streamId) => {
      const before = await snapshot();
      await expect(
        fixture.store.append(streamId, [newEvent()], appendOptions('no-stream')),
      ).rejects.toThrow(InvalidStreamIdError);
      await expect(fixture.store.readStream(streamId)).rejects.toThrow(InvalidStreamIdError);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('missing actor or correlation id throws InvalidEventError naming the field', async () => {
    const before = await snapshot();
    const noActor = { ...appendOptions(1), actor: '' };
    await expect(fixture.store.append(existing, [newEvent()], noActor)).rejects.toThrow(/actor/);
    expect(await snapshot()).toEqual(before);
  });
});
