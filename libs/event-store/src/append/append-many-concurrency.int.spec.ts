import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, InvalidArgumentError, StreamNotFoundError } from '../errors.js';
import type { AppendManyEntry, NewEvent } from '../types.js';
import {
  appendOptions,
  createStoreFixture,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
});
afterAll(async () => {
  await fixture.close();
});

const streamId = (): string => `device-${randomUUID()}`;
const events = (count: number): NewEvent[] => Array.from({ length: count }, () => newEvent());
const entry = (
  stream: string,
  expectedVersion: AppendManyEntry['expectedVersion'],
  count = 1,
): AppendManyEntry => ({ streamId: stream, events: events(count), expectedVersion });
const metadata = { correlationId: 'import-2', actor: 'service:inventory' };

/** New streams (expected 'no-stream') or streams with one event (expected 1), by round. */
async function contested(round: number, count: number): Promise<AppendManyEntry[]> {
  const streams = Array.from({ length: count }, streamId);
  if (round % 2 === 0) return streams.map((stream) => entry(stream, 'no-stream'));
  await fixture.store.appendMany(
    streams.map((stream) => entry(stream, 'no-stream')),
    metadata,
  );
  return streams.map((stream) => entry(stream, 1));
}

const rounds = 12;

describe('appendMany under concurrency', () => {
  it('never lets appendMany and append both win the same stream', async () => {
    for (let round = 0; round < rounds; round += 1) {
      const [claim] = await contested(round, 1);
      const bystander = entry(streamId(), 'no-stream');
      const single = { ...claim!, events: events(1) };
      const [many, one] = await Promise.allSettled([
        fixture.store.appendMany([bystander, claim!], metadata),
        fixture.store.append(single.streamId, single.events, appendOptions(claim!.expectedVersion)),
      ]);

      expect([many.status, one.status].sort()).toEqual(['fulfilled', 'rejected']);
      const loser = many.status === 'rejected' ? many : one;
      expect(loser.status === 'rejected' && loser.reason).toBeInstanceOf(ConcurrencyError);
      const winner = many.status === 'fulfilled' ? claim! : single;
      const read = await fixture.store.readStream(claim!.streamId);
      expect(read.events.at(-1)?.id).toBe(winner.events[0]!.id);
      expect(read.version).toBe(round % 2 === 0 ? 1 : 2);
      if (many.status === 'rejected') {
        await expect(fixture.store.readStream(bystander.streamId)).rejects.toThrow(
          StreamNotFoundError,
        );
      }
    }
  });

  it('lets exactly one of two batches that share streams in opposite orders win, without deadlock', async () => {
    // Batches large enough for their claims to overlap in time: unordered locking deadlocks here.
    for (let round = 0; round < 6; round += 1) {
      const forward = await contested(round, 400);
      const backward = forward.map((claim) => ({ ...claim, events: events(1) })).reverse();
      const outcomes = await Promise.allSettled([
        fixture.store.appendMany(forward, metadata),
        fixture.store.appendMany(backward, metadata),
      ]);

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(ConcurrencyError);
      const winner = outcomes[0].status === 'fulfilled' ? forward : backward;
      for (const claim of winner) {
        const read = await fixture.store.readStream(claim.streamId);
        expect(read.events.at(-1)?.id).toBe(claim.events[0]!.id);
      }
    }
  });

  it('stores racing identical batches once and answers both with the same results', async () => {
    for (let round = 0; round < rounds; round += 1) {
      const batch = [...(await contested(round, 2)), entry(streamId(), 'no-stream', 2)];
      const [a, b] = await Promise.all([
        fixture.store.appendMany(batch, metadata),
        fixture.store.appendMany(batch, metadata),
      ]);

      const flags = [a, b].map((results) => results.map((result) => result.alreadyAppended));
      expect(flags.sort()).toEqual([
        [false, false, false],
        [true, true, true],
      ]);
      expect(a.map((result) => result.events)).toEqual(b.map((result) => result.events));
    }
  });

  it('takes up to 5,000 entries and 20,000 events in one call, and refuses more', async () => {
    const largest = Array.from({ length: 5_000 }, () => entry(streamId(), 'no-stream', 4));
    const eventsBefore = await fixture.count('events');
    const results = await fixture.store.appendMany(largest, metadata);
    expect(results.map((result) => result.nextExpectedVersion)).toEqual(largest.map(() => 4));
    expect(await fixture.count('events')).toBe(eventsBefore + 20_000);

    const tooMany = [...largest, entry(streamId(), 'no-stream')];
    await expect(fixture.store.appendMany(tooMany, metadata)).rejects.toThrow(
      /holds 5001 entries, more than 5000/,
    );
    const tooBig = [...largest.slice(1), entry(streamId(), 'no-stream', 5)];
    await expect(fixture.store.appendMany(tooBig, metadata)).rejects.toThrow(InvalidArgumentError);
    await expect(fixture.store.appendMany(tooBig, metadata)).rejects.toThrow(
      /hold 20001 events, more than 20000/,
    );
    expect(await fixture.count('events')).toBe(eventsBefore + 20_000);
  });
});
