import { prepared, withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import { type Grant, grantText, parseGrant } from '../../domain/access.js';
import type { ApiToken, NewApiToken, TokenStore } from '../../application/ports/token-store.js';
import { TokenNameTakenError } from '../../application/tokens/token-errors.js';
import { gatewaySchema } from '../gateway-migrations.js';

interface TokenRow {
  id: string;
  name: string;
  grants: string[];
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

const columns = 'id, name, grants, created_by, created_at, expires_at, revoked_at, revoked_by';
const uniqueViolation = '23505';

/** API tokens in the gateway's schema; secrets are never stored, only their SHA-256. */
export class PostgresTokenStore implements TokenStore {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string = gatewaySchema,
  ) {
    this.table = `"${schema}".api_tokens`;
  }

  async insert(token: NewApiToken): Promise<ApiToken> {
    try {
      const { rows } = await this.pool.query<TokenRow>(
        `INSERT INTO ${this.table} (id, name, secret_sha256, grants, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
        [
          token.id,
          token.name,
          token.secretSha256,
          token.grants.map(grantText),
          token.createdBy,
          token.expiresAt ?? null,
        ],
      );
      const [row] = rows;
      if (row === undefined) throw new Error('INSERT … RETURNING gave no row');
      return tokenOf(row);
    } catch (error) {
      if ((error as { code?: string }).code === uniqueViolation) {
        throw new TokenNameTakenError(token.name);
      }
      throw error;
    }
  }

  async findActive(sha256: Buffer, now: Date): Promise<ApiToken | undefined> {
    // Every authenticated request asks this: a prepared statement, not planned each time.
    const { rows } = await this.pool.query<TokenRow>(
      prepared(
        `SELECT ${columns} FROM ${this.table}
          WHERE secret_sha256 = $1 AND revoked_at IS NULL
            AND (expires_at IS NULL OR expires_at > $2)`,
        [sha256, now],
      ),
    );
    return rows[0] === undefined ? undefined : tokenOf(rows[0]);
  }

  async list(): Promise<readonly ApiToken[]> {
    const { rows } = await this.pool.query<TokenRow>(
      `SELECT ${columns} FROM ${this.table} ORDER BY created_at DESC, id`,
    );
    return rows.map(tokenOf);
  }

  async revoke(id: string, revokedBy: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.table} SET revoked_at = now(), revoked_by = $2
        WHERE id = $1 AND revoked_at IS NULL`,
      [id, revokedBy],
    );
    return rowCount === 1;
  }

  async ensure(token: NewApiToken): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `tessera.gateway.token.${token.name}`,
      ]);
      const { rows } = await client.query<{ id: string; same: boolean }>(
        `SELECT id, secret_sha256 = $2 AS same FROM ${this.table}
          WHERE name = $1 AND revoked_at IS NULL`,
        [token.name, token.secretSha256],
      );
      if (rows[0]?.same === true) return;
      if (rows[0] !== undefined) {
        await client.query(
          `UPDATE ${this.table} SET revoked_at = now(), revoked_by = $2 WHERE id = $1`,
          [rows[0].id, token.createdBy],
        );
      }
      await client.query(
        `INSERT INTO ${this.table} (id, name, secret_sha256, grants, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (secret_sha256) DO UPDATE
           SET revoked_at = NULL, revoked_by = NULL, name = EXCLUDED.name, grants = EXCLUDED.grants`,
        [
          token.id,
          token.name,
          token.secretSha256,
          token.grants.map(grantText),
          token.createdBy,
          token.expiresAt ?? null,
        ],
      );
    });
  }
}

function tokenOf(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    grants: row.grants.map(grantOf),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at ?? undefined,
    revokedAt: row.revoked_at ?? undefined,
    revokedBy: row.revoked_by ?? undefined,
  };
}

function grantOf(text: string): Grant {
  const grant = parseGrant(text);
  if (grant === undefined) throw new Error(`a stored grant is malformed: "${text}"`);
  return grant;
}
