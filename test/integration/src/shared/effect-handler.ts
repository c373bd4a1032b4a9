import { createIdempotentHandler } from '@tessera/event-store';
import { type EventEnvelope, type MessageHandler } from '@tessera/event-transport';
import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';

/** Qualified names of the tables the scenarios' consumer writes to. */
export interface EffectTables {
  /** One row per applied effect, in the order applied: the consumer's read model. */
  readonly effects: string;
  /** A counter per stream, incremented by every effect. */
  readonly streamCounters: string;
  /** One row per handler invocation (outside the effect's transaction): what the transport delivered. */
  readonly deliveries: string;
}

export function effectTables(schema: string): EffectTables {
  const quoted = quoteIdentifier(schema);
  return {
    effects: `${quoted}.effects`,
    streamCounters: `${quoted}.stream_counters`,
    deliveries: `${quoted}.deliveries`,
  };
}

/**
 * Creates the consumer's tables in `schema` (which must also hold the event store's
 * `processed_messages`). `effects` has no unique key on purpose: an effect applied twice must
 * show up as two rows, not be refused by the database.
 */
export async function createEffectTables(pool: pg.Pool, schema: string): Promise<void> {
  const tables = effectTables(schema);
  await pool.query(`
    CREATE TABLE ${tables.effects} (
      applied_order bigserial PRIMARY KEY,
      event_id uuid NOT NULL,
      stream_id text NOT NULL,
      stream_version integer NOT NULL,
      event_type text NOT NULL,
      data jsonb NOT NULL,
      applied_by text NOT NULL
    );
    CREATE TABLE ${tables.streamCounters} (
      stream_id text PRIMARY KEY,
      applied integer NOT NULL
    );
    CREATE TABLE ${tables.deliveries} (
      delivery bigserial PRIMARY KEY,
      event_id uuid NOT NULL,
      attempt integer NOT NULL,
      delivered_to text NOT NULL
    );
  `);
}

export interface EffectHandlerOptions {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** The idempotent consumer's name (its key in `processed_messages`). */
  readonly consumer: string;
  /** Which process applied an effect or received a delivery (e.g. `consumer-a`). */
  readonly processLabel: string;
  /**
   * Awaited after an effect this process applied has committed, before the handler resolves (so
   * before the transport acknowledges the message); `applied` counts this process's effects.
   */
  readonly afterEffect?: (envelope: EventEnvelope, applied: number) => Promise<void>;
}

/**
 * The scenarios' consumer: records every delivery, then applies the event's effect (an `effects`
 * row and a stream counter increment) through `createIdempotentHandler`, exactly once per event.
 */
export function createEffectHandler(options: EffectHandlerOptions): MessageHandler {
  const { pool, processLabel } = options;
  const tables = effectTables(options.schema);
  const appliedInFlight = new Set<string>();
  let applied = 0;
  const idempotent = createIdempotentHandler({
    pool,
    schema: options.schema,
    consumer: options.consumer,
    handle: async (envelope, client) => {
      await client.query(
        `INSERT INTO ${tables.effects}
           (event_id, stream_id, stream_version, event_type, data, applied_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          envelope.id,
          envelope.streamId,
          envelope.streamVersion,
          envelope.type,
          JSON.stringify(envelope.data),
          processLabel,
        ],
      );
      await client.query(
        `INSERT INTO ${tables.streamCounters} (stream_id, applied) VALUES ($1, 1)
         ON CONFLICT (stream_id) DO UPDATE SET applied = ${tables.streamCounters}.applied + 1`,
        [envelope.streamId],
      );
      appliedInFlight.add(envelope.id);
    },
  });
  return async (message) => {
    const { envelope } = message;
    await pool.query(
      `INSERT INTO ${tables.deliveries} (event_id, attempt, delivered_to) VALUES ($1, $2, $3)`,
      [envelope.id, message.attempt, processLabel],
    );
    try {
      await idempotent(message);
    } catch (error) {
      appliedInFlight.delete(envelope.id);
      throw error;
    }
    if (appliedInFlight.delete(envelope.id)) {
      applied += 1;
      await options.afterEffect?.(envelope, applied);
    }
  };
}
