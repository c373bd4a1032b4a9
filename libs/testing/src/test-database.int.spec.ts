import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrl, type TestDatabase } from './index.js';

const created: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(created.map((database) => database.drop()));
});

async function create(): Promise<TestDatabase> {
  const database = await createTestDatabase({ prefix: 'harness' });
  created.push(database);
  return database;
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('gives each caller a database of its own', async () => {
    const [first, second] = await Promise.all([create(), create()]);
    expect(first.name).not.toBe(second.name);
    expect(await query(first.url, 'SELECT current_database() AS name')).toEqual([
      { name: first.name },
    ]);

    await query(
      first.url,
      `CREATE TABLE only_here (note text); INSERT INTO only_here VALUES ('first')`,
    );

    expect(await query(first.url, 'SELECT note FROM only_here')).toEqual([{ note: 'first' }]);
    await expect(query(second.url, 'SELECT note FROM only_here')).rejects.toThrow(/does not exist/);
  });

  it('drops the database, even with a connection still open, and only once', async () => {
    const database = await create();
    const lingering = new pg.Client({ connectionString: database.url });
    lingering.on('error', () => undefined);
    await lingering.connect();

    await database.drop();
    await database.drop();

    const rows = await query<{ count: string }>(
      databaseUrl(),
      'SELECT count(*) FROM pg_database WHERE datname = $1',
      [database.name],
    );
    expect(rows).toEqual([{ count: '0' }]);
    await lingering.end().catch(() => undefined);
  });
});
