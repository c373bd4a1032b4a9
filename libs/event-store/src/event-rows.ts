import type { EventEnvelope } from '@tessera/event-transport';
import type { LogPosition } from '@tessera/postgres';

/** The columns an envelope is built from, with the events table aliased `e`. */
export const envelopeColumns = `e.id, e.type, e.schema_version, e.stream_id, e.stream_version,
  e.position, e.recorded_at, e.correlation_id, e.causation_id, e.actor, e.tenant, e.data`;

/** The columns every read selects: the envelope's and the transaction id of the log position. */
export const eventColumns = `${envelopeColumns}, e.transaction_id::text AS transaction_id`;

/**
 * The envelope's columns of an events row as pg returns them (bigint as string, timestamptz as
 * Date, jsonb parsed: `data` equals the appended object up to jsonb's normalisation, such as key
 * order and the spelling of numbers).
 */
export interface EnvelopeRow {
  readonly id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly position: string;
  readonly recorded_at: Date;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly actor: string;
  readonly tenant: string | null;
  readonly data: Record<string, unknown>;
}

/** An events row as every read selects it. */
export interface EventRow extends EnvelopeRow {
  readonly transaction_id: string;
}

/** A stored event's envelope, not upcast; `recordedAt` is ISO 8601 UTC to the millisecond. */
export function envelopeFromRow(row: EnvelopeRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    position: Number(row.position),
    recordedAt: row.recorded_at.toISOString(),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
    tenant: row.tenant,
    data: row.data,
  };
}

export function logPositionOfRow(row: Pick<EventRow, 'transaction_id' | 'position'>): LogPosition {
  return { transactionId: row.transaction_id, position: Number(row.position) };
}
