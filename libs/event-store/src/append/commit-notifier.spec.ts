import { silentLogger } from '@tessera/event-transport';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CommitNotifier } from './commit-notifier.js';

/** A pool whose queries finish when the test says so. */
function slowPool(): { pool: pg.Pool; sent: string[]; finishOne: () => void } {
  const sent: string[] = [];
  const waiting: (() => void)[] = [];
  const pool = {
    query: (_text: string, values: string[]) => {
      sent.push(values[0] ?? '');
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  } as unknown as pg.Pool;
  return {
    pool,
    sent,
    finishOne: () => {
      waiting.shift()?.();
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the commit notifier', () => {
  it('sends one NOTIFY at once, and one more for everything that committed while it was in flight', async () => {
    const { pool, sent, finishOne } = slowPool();
    const notifier = new CommitNotifier(pool, 'store_events', silentLogger);
    notifier.poke();
    expect(sent).toEqual(['store_events']);
    for (let commit = 0; commit < 50; commit += 1) notifier.poke();
    finishOne();
    await settle();
    expect(sent).toHaveLength(2);
    finishOne();
    await notifier.flushed();
    expect(sent).toHaveLength(2);
    notifier.poke();
    expect(sent).toHaveLength(3);
    finishOne();
    await notifier.flushed();
  });

  it('keeps going after a NOTIFY fails: readers poll, later commits notify again', async () => {
    let calls = 0;
    const pool = {
      query: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve();
      },
    } as unknown as pg.Pool;
    const notifier = new CommitNotifier(pool, 'store_events', silentLogger);
    notifier.poke();
    await notifier.flushed();
    notifier.poke();
    await notifier.flushed();
    expect(calls).toBe(2);
  });
});
