import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from './provided.js';

/** A database of its own for one test file. */
export interface TestDatabase {
  /** Connection URL of the new database. */
  readonly url: string;
  readonly name: string;
  /** Drops it, closing any connection still open to it. Idempotent. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Readable part of the name, e.g. the context under test: `[a-z0-9_]`, at most 20 characters. */
  readonly prefix?: string;
  /** The server to create it on; default the one the global setup provided. */
  readonly serverUrl?: string;
}

/**
 * Creates an empty database with a unique name (`CREATE DATABASE … TEMPLATE template0`), so that
 * test files running in parallel never see each other's tables. Drop it in `afterAll`:
 *
 *   const db = await createTestDatabase({ prefix: 'composer' });
 *   afterAll(() => db.drop());
 */
export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const prefix = options.prefix ?? 'test';
  if (!/^[a-z0-9_]{1,20}$/.test(prefix)) {
    throw new Error(`database prefix must be 1-20 of [a-z0-9_], got "${prefix}"`);
  }
  const serverUrl = options.serverUrl ?? databaseUrl();
  const name = `tessera_${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop: () =>
      (dropping ??= onServer(
        serverUrl,
        `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`,
      )),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
