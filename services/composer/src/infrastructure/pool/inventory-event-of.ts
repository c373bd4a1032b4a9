import type { EventEnvelope } from '@tessera/event-transport';
import { TesseraError } from '@tessera/errors';
import {
  type ItemEvent,
  itemEventSchemaVersion,
  type ItemKind,
  parseItemEventType,
} from '@tessera/hardware';

/** An inventory item event as delivered: which item, which fact, where in its stream. */
export interface DeliveredItemEvent {
  readonly kind: ItemKind;
  readonly id: string;
  readonly event: ItemEvent;
  readonly streamVersion: number;
  readonly position: number;
}

export class InvalidInventoryEventError extends TesseraError<'INVALID_INVENTORY_EVENT'> {
  readonly code = 'INVALID_INVENTORY_EVENT';

  constructor(
    readonly eventId: string,
    readonly problem: string,
  ) {
    super(`inventory event ${eventId}: ${problem}`);
  }
}

/**
 * The item event an envelope of the inventory's topic carries, or undefined for the topic's
 * other events (discovery sources, say). Throws `InvalidInventoryEventError` for an item event
 * this composer cannot read; the transport retries it, then dead-letters it.
 */
export function inventoryEventOf(envelope: EventEnvelope): DeliveredItemEvent | undefined {
  const parsed = parseItemEventType(envelope.type);
  if (!parsed) return undefined;
  if (envelope.schemaVersion !== itemEventSchemaVersion) {
    throw new InvalidInventoryEventError(
      envelope.id,
      `${envelope.type} has schema version ${envelope.schemaVersion}; this composer reads ${itemEventSchemaVersion}`,
    );
  }
  const data = envelope.data;
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof (data as { id?: unknown }).id !== 'string'
  ) {
    throw new InvalidInventoryEventError(envelope.id, `${envelope.type} has no string data.id`);
  }
  const event = { type: envelope.type, data: data as ItemEvent['data'] };
  return {
    kind: parsed.kind,
    id: event.data.id,
    event,
    streamVersion: envelope.streamVersion,
    position: envelope.position,
  };
}
