import type { EventEnvelope, LogRead, ReadAllOptions } from '@tessera/event-store';
import { logStart } from '@tessera/postgres';
import { describe, expect, it } from 'vitest';
import { LogFollower } from './log-follower.js';

/** An in-memory log: positions 1, 2, 3 … in one transaction. */
class MemoryLog {
  private readonly events: EventEnvelope[] = [];

  append(count: number): void {
    for (let n = 0; n < count; n += 1) {
      const position = this.events.length + 1;
      this.events.push({
        id: `event-${position}`,
        type: 'tessera.inventory.v1.DeviceCordoned',
        schemaVersion: 1,
        streamId: `device-${position}`,
        streamVersion: 1,
        position,
        recordedAt: '2026-11-23T05:20:11.123Z',
        correlationId: 'c',
        causationId: null,
        actor: 'user:alice',
        tenant: null,
        data: { id: String(position) },
      });
    }
  }

  readAll = (options: ReadAllOptions = {}): Promise<LogRead> => {
    const after = options.after ?? logStart;
    const events = this.events
      .filter((event) => event.position > after.position)
      .slice(0, options.limit ?? 100);
    const last = events.at(-1);
    return Promise.resolve({
      events,
      next: last ? { transactionId: '1', position: last.position } : after,
    });
  };
}

async function collect(
  follow: AsyncGenerator<LogRead>,
  until: (positions: number[]) => boolean,
): Promise<number[][]> {
  const batches: number[][] = [];
  for await (const read of follow) {
    batches.push(read.events.map((event) => event.position));
    if (until(batches.flat())) break;
  }
  return batches;
}

describe('following the log', () => {
  it('yields what is there in batches, then what is appended later', async () => {
    const log = new MemoryLog();
    log.append(5);
    const follower = await LogFollower.start({ store: log, batchSize: 2, pollIntervalMs: 5 });
    setTimeout(() => {
      log.append(1);
    }, 30);

    const batches = await collect(
      follower.follow(logStart, new AbortController().signal),
      (positions) => positions.length === 6,
    );

    expect(batches).toEqual([[1, 2], [3, 4], [5], [6]]);
    await follower.close();
  });

  it('starts after the position it is given', async () => {
    const log = new MemoryLog();
    log.append(3);
    const follower = await LogFollower.start({ store: log });
    const batches = await collect(
      follower.follow({ transactionId: '1', position: 2 }, new AbortController().signal),
      () => true,
    );
    expect(batches).toEqual([[3]]);
    await follower.close();
  });

  it('ends a follow when its signal aborts, and every follow when the follower closes', async () => {
    const log = new MemoryLog();
    const follower = await LogFollower.start({ store: log, pollIntervalMs: 60_000 });
    const cancelled = new AbortController();
    const first = collect(follower.follow(logStart, cancelled.signal), () => false);
    const second = collect(follower.follow(logStart, new AbortController().signal), () => false);

    cancelled.abort();
    await expect(first).resolves.toEqual([]);
    await follower.close();
    await expect(second).resolves.toEqual([]);
  });
});
