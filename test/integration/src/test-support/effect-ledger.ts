import type pg from 'pg';
import { effectTables, type EffectTables } from '../shared/effect-handler.js';

/** One effect as the consumer's read model holds it. */
export interface ReadModelRow {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
}

/** Reads what the consumer did: effects, stream counters and deliveries. */
export class EffectLedger {
  private readonly tables: EffectTables;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.tables = effectTables(schema);
  }

  async effectCount(): Promise<number> {
    return this.count(`SELECT count(*) AS count FROM ${this.tables.effects}`);
  }

  async deliveryCount(): Promise<number> {
    return this.count(`SELECT count(*) AS count FROM ${this.tables.deliveries}`);
  }

  /** How many times each event's effect was applied. */
  effectsPerEvent(): Promise<Record<string, number>> {
    return this.countsBy(this.tables.effects, 'event_id');
  }

  /** How many times the transport handed each event to the handler (redeliveries included). */
  deliveriesPerEvent(): Promise<Record<string, number>> {
    return this.countsBy(this.tables.deliveries, 'event_id');
  }

  /** Effects per process label that applied them. */
  effectsPerProcess(): Promise<Record<string, number>> {
    return this.countsBy(this.tables.effects, 'applied_by');
  }

  async streamCounters(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ stream_id: string; applied: number }>(
      `SELECT stream_id, applied FROM ${this.tables.streamCounters}`,
    );
    return Object.fromEntries(rows.map((row) => [row.stream_id, row.applied]));
  }

  /** The read model, by stream and version. */
  async readModel(): Promise<ReadModelRow[]> {
    const { rows } = await this.pool.query<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      event_type: string;
      data: unknown;
    }>(
      `SELECT event_id, stream_id, stream_version, event_type, data FROM ${this.tables.effects}
        ORDER BY stream_id COLLATE "C", stream_version, applied_order`,
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      type: row.event_type,
      data: row.data,
    }));
  }

  /** Each stream's versions in the order their effects were applied. */
  async versionsInAppliedOrder(): Promise<Record<string, number[]>> {
    const { rows } = await this.pool.query<{ stream_id: string; versions: number[] }>(
      `SELECT stream_id, array_agg(stream_version ORDER BY applied_order) AS versions
         FROM ${this.tables.effects} GROUP BY stream_id`,
    );
    return Object.fromEntries(rows.map((row) => [row.stream_id, row.versions]));
  }

  private async count(sql: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(sql);
    return Number(rows[0]?.count ?? 0);
  }

  private async countsBy(table: string, column: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ key: string; count: string }>(
      `SELECT ${column}::text AS key, count(*) AS count FROM ${table} GROUP BY ${column}`,
    );
    return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
  }
}
