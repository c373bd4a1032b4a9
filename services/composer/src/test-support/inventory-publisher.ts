import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventTransport, OutgoingMessage } from '@tessera/event-transport';
import { type ItemEvent, itemStreamId, parseItemEventType } from '@tessera/hardware';
import { inventoryTopic } from '../infrastructure/pool/index.js';

/** Publishes item events the way the inventory's outbox does: keyed by stream, in stream order. */
export class InventoryPublisher {
  private readonly versions = new Map<string, number>();
  private position = 0;
  readonly published: OutgoingMessage[] = [];

  constructor(private readonly transport: EventTransport) {}

  async publish(events: readonly ItemEvent[]): Promise<number> {
    const messages = events.map((event) => this.message(event));
    await this.transport.publish(inventoryTopic, messages);
    this.published.push(...messages);
    return this.position;
  }

  /** Publishes messages again, as an at-least-once relay may. */
  async republish(messages: readonly OutgoingMessage[]): Promise<void> {
    await this.transport.publish(inventoryTopic, messages);
  }

  private message(event: ItemEvent): OutgoingMessage {
    const parsed = parseItemEventType(event.type);
    if (!parsed) throw new Error(`not an item event: ${event.type}`);
    const streamId = itemStreamId(parsed.kind, event.data.id);
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    this.position += 1;
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      streamId,
      streamVersion,
      position: this.position,
      recordedAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      actor: 'service:inventory',
      tenant: null,
      data: event.data,
    };
    return { key: streamId, envelope };
  }
}
