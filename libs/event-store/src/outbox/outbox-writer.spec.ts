import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { type EnvelopeBeforeInsert, type OutboxRouting, routeToOutbox } from './outbox-writer.js';

function envelope(streamVersion: number, type: string, data: unknown): EnvelopeBeforeInsert {
  return {
    id: `00000000-0000-4000-8000-00000000000${streamVersion}`,
    type,
    schemaVersion: 1,
    streamId: 'composition-42',
    streamVersion,
    correlationId: 'c',
    causationId: null,
    actor: 'system',
    tenant: null,
    data,
  };
}

const topicFor = () => 'tessera.composer.events.v1';
const intent = envelope(1, 'AttachRequested', { hostId: 'host-7' });
const other = envelope(2, 'Scheduled', {});
const hostKey = (event: EnvelopeBeforeInsert) =>
  event.type === 'AttachRequested' ? (event.data as { hostId: string }).hostId : undefined;

const keysOf = (routing: OutboxRouting, events: EnvelopeBeforeInsert[]): readonly string[] =>
  routeToOutbox(routing, events).keys;

describe('outbox message keys', () => {
  it('keys every event by its stream id by default', () => {
    expect(keysOf({ topicFor }, [intent, other])).toEqual(['composition-42', 'composition-42']);
  });

  it('keys an event by what keyFor returns, and the others by their stream id', () => {
    expect(keysOf({ topicFor, keyFor: hostKey }, [intent, other])).toEqual([
      'host-7',
      'composition-42',
    ]);
  });

  it('refuses an empty key rather than publishing an unordered message', () => {
    expect(() => keysOf({ topicFor, keyFor: () => '' }, [intent])).toThrow(InvalidArgumentError);
  });
});

describe('outbox topics', () => {
  it('writes a row for each event with a topic, and none for a private one', () => {
    const routing: OutboxRouting = {
      topicFor: (event) => (event.type === 'Scheduled' ? null : 'tessera.composer.events.v1'),
    };
    expect(routeToOutbox(routing, [intent, other])).toEqual({
      eventIds: [intent.id],
      topics: ['tessera.composer.events.v1'],
      keys: ['composition-42'],
    });
    expect(routeToOutbox(undefined, [intent, other]).eventIds).toEqual([]);
  });

  it('refuses a topic that is not a non-empty string', () => {
    const routing = { topicFor: () => '' };
    expect(() => routeToOutbox(routing, [intent])).toThrow(InvalidArgumentError);
  });
});
