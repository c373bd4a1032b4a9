import path from 'node:path';
import { startPostgres } from '@tessera/local-infra';
import pg from 'pg';

/** The database every service of the standalone process uses, each in its own schemas. */
export interface StandaloneDatabase {
  readonly url: string;
  /** Where it lives, for people: the embedded cluster's folder or "DATABASE_URL". */
  readonly description: string;
  /** Stops the embedded Postgres; nothing for an external one. */
  stop(): Promise<void>;
}

/** The database the embedded cluster holds Tessera's data in. */
export const standaloneDatabaseName = 'tessera';

/**
 * An external database (DATABASE_URL, used as it is), or the embedded Postgres in
 * `<dataDir>/postgres` with the database `tessera`, created if missing. The embedded server is
 * started in persistent mode: durable settings, data kept across restarts, and a postmaster left
 * running by a killed process stopped first (infra/local/src/postgres/README.md).
 */
export async function openStandaloneDatabase(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<StandaloneDatabase> {
  if (databaseUrl !== undefined) {
    return { url: databaseUrl, description: 'DATABASE_URL', stop: () => Promise.resolve() };
  }
  const folder = path.join(dataDir, 'postgres');
  const postgres = await startPostgres({ dataDir: folder });
  try {
    await createDatabaseIfMissing(postgres.url, standaloneDatabaseName);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  const url = new URL(postgres.url);
  url.pathname = `/${standaloneDatabaseName}`;
  return {
    url: url.toString(),
    description: `embedded Postgres in ${folder}`,
    stop: () => postgres.stop(),
  };
}

async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
