import {
  commitSafeAfter,
  commitSafeParameters,
  decodeLogPosition,
  encodeLogPosition,
  logStart,
  prepared,
} from '@tessera/postgres';
import type pg from 'pg';
import type {
  AuditEntry,
  AuditLog,
  AuditQuery,
  AuditRecord,
} from '../../application/ports/audit-log.js';
import { gatewaySchema } from '../gateway-migrations.js';

interface AuditRow {
  transaction_id: string;
  position: string;
  at: Date;
  actor: string;
  tenant: string;
  action: string;
  resource: string;
  outcome: number;
  correlation_id: string;
}

/** The audit log in the gateway's schema, read in the order entries were written. */
export class PostgresAuditLog implements AuditLog {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string = gatewaySchema,
  ) {
    this.table = `"${schema}".audit_log`;
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      prepared(
        `INSERT INTO ${this.table} (actor, tenant, action, resource, outcome, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          entry.actor,
          entry.tenant,
          entry.action,
          entry.resource,
          entry.outcome,
          entry.correlationId,
        ],
      ),
    );
  }

  async query(query: AuditQuery): Promise<readonly AuditRecord[]> {
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT transaction_id::text, position, at, actor, tenant, action, resource, outcome,
              correlation_id
         FROM ${this.table}
        WHERE ${commitSafeAfter(1)}
          AND ($3::text[] IS NULL OR tenant = ANY($3))
          AND ($4::text IS NULL OR actor = $4)
        ORDER BY transaction_id, position
        LIMIT $5`,
      [
        ...commitSafeParameters(
          query.after === undefined ? logStart : decodeLogPosition(query.after),
        ),
        query.tenants === 'all' ? null : query.tenants,
        query.actor ?? null,
        query.limit,
      ],
    );
    return rows.map((row) => ({
      cursor: encodeLogPosition({
        transactionId: row.transaction_id,
        position: Number(row.position),
      }),
      at: row.at,
      actor: row.actor,
      tenant: row.tenant,
      action: row.action,
      resource: row.resource,
      outcome: row.outcome,
      correlationId: row.correlation_id,
    }));
  }
}
