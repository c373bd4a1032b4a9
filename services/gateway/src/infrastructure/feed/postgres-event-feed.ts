import {
  commitSafeAfter,
  commitSafeParameters,
  decodeLogPosition,
  encodeLogPosition,
  logStart,
  withTransaction,
} from '@tessera/postgres';
import type pg from 'pg';
import type {
  ArrivingEvent,
  EventFeed,
  FeedEntry,
  FeedQuery,
} from '../../application/ports/event-feed.js';
import { gatewaySchema } from '../gateway-migrations.js';

interface FeedRow {
  transaction_id: string;
  position: string;
  event_id: string;
  type: string;
  kind: string;
  stream_id: string;
  stream_version: string;
  tenant: string | null;
  actor: string;
  recorded_at: Date;
  data: unknown;
}

/** The event stream's feed in the gateway's schema: a commit-safe log, like every log here. */
export class PostgresEventFeed implements EventFeed {
  private readonly schema: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string = gatewaySchema,
  ) {
    this.schema = `"${schema}"`;
  }

  async append(events: readonly ArrivingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const column = <K extends keyof ArrivingEvent>(key: K) => events.map((event) => event[key]);
    await withTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${this.schema}.stream_tenants (stream_id, tenant)
         SELECT DISTINCT ON (stream_id) stream_id, tenant
           FROM unnest($1::text[], $2::text[]) AS known (stream_id, tenant)
          WHERE tenant IS NOT NULL
         ON CONFLICT (stream_id) DO NOTHING`,
        [column('streamId'), events.map((event) => event.tenant ?? event.payloadTenant ?? null)],
      );
      await client.query(
        `INSERT INTO ${this.schema}.feed
           (event_id, topic, type, kind, stream_id, stream_version, tenant, shared, actor,
            recorded_at, data)
         SELECT e.id, e.topic, e.type, e.kind, e.stream_id, e.stream_version,
                coalesce(e.tenant, st.tenant), e.shared, e.actor, e.recorded_at, e.data
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                       $7::text[], $8::boolean[], $9::text[], $10::timestamptz[], $11::jsonb[])
                WITH ORDINALITY AS e (id, topic, type, kind, stream_id, stream_version, tenant,
                                      shared, actor, recorded_at, data, arrival)
           LEFT JOIN ${this.schema}.stream_tenants st ON st.stream_id = e.stream_id
          ORDER BY e.arrival
         ON CONFLICT (event_id) DO NOTHING`,
        [
          column('id'),
          column('topic'),
          column('type'),
          column('kind'),
          column('streamId'),
          column('streamVersion'),
          events.map((event) => event.tenant ?? null),
          column('shared'),
          column('actor'),
          column('recordedAt'),
          events.map((event) => JSON.stringify(event.data)),
        ],
      );
    });
  }

  async read(query: FeedQuery): Promise<readonly FeedEntry[]> {
    const after = query.after === undefined ? logStart : decodeLogPosition(query.after);
    const { rows } = await this.pool.query<FeedRow>(
      `SELECT transaction_id::text, position, event_id, type, kind, stream_id, stream_version,
              tenant, actor, recorded_at, data
         FROM ${this.schema}.feed
        WHERE ${commitSafeAfter(1)}
          AND ($3::text[] IS NULL OR kind = ANY($3))
          AND CASE WHEN tenant IS NOT NULL THEN $4::text[] IS NULL OR tenant = ANY($4)
                   WHEN shared THEN NOT $5::boolean
                   ELSE $4::text[] IS NULL AND NOT $5::boolean END
        ORDER BY transaction_id, position
        LIMIT $6`,
      [
        ...commitSafeParameters(after),
        query.kinds ?? null,
        query.tenants === 'all' ? null : query.tenants,
        query.tenantOnly,
        query.limit,
      ],
    );
    return rows.map((row) => ({
      cursor: encodeLogPosition({
        transactionId: row.transaction_id,
        position: Number(row.position),
      }),
      event: {
        id: row.event_id,
        type: row.type,
        kind: row.kind,
        streamId: row.stream_id,
        streamVersion: Number(row.stream_version),
        tenant: row.tenant ?? undefined,
        actor: row.actor,
        recordedAt: row.recorded_at.toISOString(),
        data: row.data,
      },
    }));
  }
}
