import type { DeliveredMessage, EventTransport, Subscription } from '@tessera/event-transport';
import type { ArrivingEvent, EventFeed } from '../../application/ports/event-feed.js';

/**
 * The topics whose events the stream shows, and which kinds of each every tenant may see. A
 * service that joins Tessera adds its topic here; nothing else in the gateway changes.
 */
export const feedTopics: readonly { readonly topic: string; readonly shared: SharedKinds }[] = [
  { topic: 'tessera.inventory.events.v1', shared: 'all' },
  { topic: 'tessera.composer.events.v1', shared: ['template'] },
];

type SharedKinds = 'all' | readonly string[];

/**
 * The consumer group that fills the feed from `topic`: one replica at a time per topic. One
 * group per topic, since a Kafka group's members must all subscribe to the same topics.
 */
export function feedGroup(topic: string): string {
  return `tessera.gateway.feed.${topic}`;
}

export interface RunningFeedConsumer {
  stop(): Promise<void>;
}

/**
 * Copies every event of `feedTopics` into the feed, a batch per transaction (at least once; a
 * repeated event id is ignored), then calls `onAppended` so that open streams read at once.
 */
export async function startFeedConsumer(
  transport: EventTransport,
  feed: EventFeed,
  onAppended: () => void,
): Promise<RunningFeedConsumer> {
  const subscriptions: Subscription[] = [];
  try {
    for (const { topic, shared } of feedTopics) {
      subscriptions.push(
        await transport.subscribe({
          topic,
          group: feedGroup(topic),
          handleBatch: async (messages) => {
            await feed.append(messages.map((message) => arrivingEvent(message, shared)));
            onAppended();
          },
        }),
      );
    }
  } catch (error) {
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    throw error;
  }
  return {
    stop: async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    },
  };
}

function arrivingEvent(message: DeliveredMessage, sharedKinds: SharedKinds): ArrivingEvent {
  const { envelope } = message;
  const kind = kindOf(envelope.streamId);
  return {
    id: envelope.id,
    topic: message.topic,
    type: envelope.type,
    kind,
    shared: sharedKinds === 'all' || sharedKinds.includes(kind),
    streamId: envelope.streamId,
    streamVersion: envelope.streamVersion,
    tenant: envelope.tenant ?? undefined,
    payloadTenant: payloadTenantOf(envelope.data),
    actor: envelope.actor,
    recordedAt: envelope.recordedAt,
    data: envelope.data,
  };
}

/** Streams are named `<kind>-<id>` across Tessera (`composition-…`, `device-…`). */
function kindOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

/** The tenant a stream's first event names: `tenant`, or its spec's. */
function payloadTenantOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { tenant, spec } = data as { tenant?: unknown; spec?: { tenant?: unknown } };
  if (typeof tenant === 'string' && tenant !== '') return tenant;
  const specTenant = spec?.tenant;
  return typeof specTenant === 'string' && specTenant !== '' ? specTenant : undefined;
}
