import type { EventEnvelope } from '@tessera/event-transport';
import type { Queryable } from '@tessera/postgres';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { storeTables } from '../tables.js';
import { type OutboxRouting, writeOutboxRows } from './outbox-writer.js';

function envelope(position: number, type: string, data: unknown): EventEnvelope {
  return {
    id: `00000000-0000-4000-8000-00000000000${position}`,
    type,
    schemaVersion: 1,
    streamId: 'composition-42',
    streamVersion: position,
    position,
    recordedAt: '2026-01-01T00:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    actor: 'system',
    tenant: null,
    data,
  };
}

/** Runs the writer against a recorder and returns the message keys it inserted. */
async function keysWritten(routing: OutboxRouting, events: EventEnvelope[]): Promise<unknown> {
  const calls: unknown[][] = [];
  const db: Queryable = {
    query: ((_sql: string, values: unknown[]) => {
      calls.push(values);
      return Promise.resolve({ rows: [] });
    }) as unknown as Queryable['query'],
  };
  await writeOutboxRows(db, storeTables('lab'), routing, events);
  return calls[0]?.[3];
}

const topicFor = () => 'tessera.composer.events.v1';
const intent = envelope(1, 'AttachRequested', { hostId: 'host-7' });
const other = envelope(2, 'Scheduled', {});
const hostKey = (event: EventEnvelope) =>
  event.type === 'AttachRequested' ? (event.data as { hostId: string }).hostId : undefined;

describe('outbox message keys', () => {
  it('keys every event by its stream id by default', async () => {
    expect(await keysWritten({ topicFor }, [intent, other])).toEqual([
      'composition-42',
      'composition-42',
    ]);
  });

  it('keys an event by what keyFor returns, and the others by their stream id', async () => {
    expect(await keysWritten({ topicFor, keyFor: hostKey }, [intent, other])).toEqual([
      'host-7',
      'composition-42',
    ]);
  });

  it('refuses an empty key rather than publishing an unordered message', async () => {
    await expect(keysWritten({ topicFor, keyFor: () => '' }, [intent])).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});
