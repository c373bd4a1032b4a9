import type { EventEnvelope } from '@tessera/event-transport';
import type { AppendMetadata, ValidatedEvent } from '../validation/validate-append.js';

/** What an events insert returns for each row; the rest of the envelope is known beforehand. */
export interface InsertedEventRow {
  readonly position: string;
  readonly recorded_at: Date;
}

/** The envelope of a just-inserted event, with its data as appended (not upcast). */
export function appendedEnvelope(
  event: ValidatedEvent,
  streamId: string,
  streamVersion: number,
  metadata: AppendMetadata,
  row: InsertedEventRow,
): EventEnvelope {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId,
    streamVersion,
    position: Number(row.position),
    recordedAt: row.recorded_at.toISOString(),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    actor: metadata.actor,
    tenant: metadata.tenant,
    data: JSON.parse(event.json) as EventEnvelope['data'],
  };
}
