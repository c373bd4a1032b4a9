import { createHash } from 'node:crypto';
import type pg from 'pg';
import {
  type EarlierLeaseRequest,
  type LeaseIdempotency,
  LeaseKeyTakenError,
} from '../../application/leases/index.js';
import { leaseKeyIndex } from './lease-migrations.js';

/** The lease table's idempotency columns: a key and the hash of the request it came with. */
export class LeaseRequestKeys {
  constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
  ) {}

  /** The values of (idempotency_key, request_hash) for a lease row. */
  columnsOf(idempotency: LeaseIdempotency | undefined): [string | null, string | null] {
    return idempotency === undefined
      ? [null, null]
      : [idempotency.key, hashOf(idempotency.fingerprint)];
  }

  async earlierRequest(idempotency: LeaseIdempotency): Promise<EarlierLeaseRequest> {
    const { rows } = await this.pool.query<{ lease_id: string; request_hash: string }>(
      `SELECT lease_id, request_hash FROM ${this.table} WHERE idempotency_key = $1`,
      [idempotency.key],
    );
    const [earlier] = rows;
    if (earlier === undefined) return { outcome: 'none' };
    const same = earlier.request_hash === hashOf(idempotency.fingerprint);
    return { outcome: same ? 'same' : 'other', leaseId: earlier.lease_id };
  }

  /** `LeaseKeyTakenError` for the unique violation of the key index; other errors as they are. */
  translated(error: unknown, idempotency: LeaseIdempotency | undefined): unknown {
    const violation = error as { code?: string; constraint?: string };
    return idempotency !== undefined &&
      violation.code === '23505' &&
      violation.constraint === leaseKeyIndex
      ? new LeaseKeyTakenError(idempotency.key, { cause: error })
      : error;
  }
}

function hashOf(fingerprint: string): string {
  return createHash('sha256').update(fingerprint).digest('hex');
}
