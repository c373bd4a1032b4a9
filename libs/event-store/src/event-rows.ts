import type { EventEnvelope } from '@tessera/event-transport';
import type { LogPosition } from '@tessera/postgres';

/** The columns every read selects, with the table aliased `e`. */
export const eventColumns = `e.id, e.type, e.schema_version, e.stream_id, e.stream_version,
  e.position, e.recorded_at, e.correlation_id, e.causation_id, e.actor, e.tenant, e.data,
  e.transaction_id::text AS transaction_id`;

/** An events row as pg returns it (bigint as string, timestamptz as Date, jsonb parsed). */
export interface EventRow {
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
  readonly transaction_id: string;
}

export function envelopeFromRow(row: EventRow): EventEnvelope {
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
