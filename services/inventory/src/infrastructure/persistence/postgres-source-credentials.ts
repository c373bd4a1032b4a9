import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type {
  RedfishCredentials,
  SourceCredentials,
} from '../../application/ports/source-repository.js';

/**
 * Credentials in a table of their own, deleted with their source. They are stored as given:
 * protect the database (or put a secrets manager behind this port) in production.
 */
export class PostgresSourceCredentials implements SourceCredentials {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.source_credentials`;
  }

  async save(id: string, credentials: RedfishCredentials): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (source_id, username, password) VALUES ($1, $2, $3)
       ON CONFLICT (source_id) DO UPDATE SET username = EXCLUDED.username, password = EXCLUDED.password`,
      [id, credentials.username, credentials.password],
    );
  }

  async find(id: string): Promise<RedfishCredentials | undefined> {
    const { rows } = await this.pool.query<RedfishCredentials>(
      `SELECT username, password FROM ${this.table} WHERE source_id = $1`,
      [id],
    );
    return rows[0];
  }

  async remove(id: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE source_id = $1`, [id]);
  }
}
