import type { EventEnvelope } from '@tessera/event-transport';
import type { EnvelopeBeforeInsert } from '../outbox/outbox-writer.js';
import type { AppendMetadata, ValidatedEvent } from '../validation/validate-append.js';

/** What an events insert returns for each row; the rest of the envelope is known beforehand. */
export interface InsertedEventRow {
  readonly position: string;
  readonly recorded_at: Date;
}

/** The envelope of an event about to be inserted, with its data as appended (not upcast). */
export function envelopeBeforeInsert(
  event: ValidatedEvent,
  streamId: string,
  streamVersion: number,
  metadata: AppendMetadata,
): EnvelopeBeforeInsert {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId,
    streamVersion,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    actor: metadata.actor,
    tenant: metadata.tenant,
    data: JSON.parse(event.json) as EventEnvelope['data'],
  };
}

/** The envelope of a just-inserted event: `before` with what the insert assigned. */
export function appendedEnvelope(
  before: EnvelopeBeforeInsert,
  row: InsertedEventRow,
): EventEnvelope {
  return {
    id: before.id,
    type: before.type,
    schemaVersion: before.schemaVersion,
    streamId: before.streamId,
    streamVersion: before.streamVersion,
    position: Number(row.position),
    recordedAt: row.recorded_at.toISOString(),
    correlationId: before.correlationId,
    causationId: before.causationId,
    actor: before.actor,
    tenant: before.tenant,
    data: before.data,
  };
}
