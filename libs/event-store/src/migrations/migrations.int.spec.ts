import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MigrationError } from '@tessera/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore } from '../event-store.js';
import { createStoreFixture, type StoreFixture } from '../test-support/fixtures.js';
import { childProcessEnv } from '../test-support/test-env.js';
import { eventStoreMigrations } from './index.js';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
});
afterAll(async () => {
  await fixture.close();
});

interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function migrateCommand(
  args: string[],
  databaseUrl = fixture.database.url,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(
      'node_modules/.bin/tsx',
      ['--conditions=@tessera/source', 'libs/event-store/src/cli/migrate.ts', ...args],
      { cwd: repositoryRoot, env: childProcessEnv({ DATABASE_URL: databaseUrl }), timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const tablesOf = async (schema: string): Promise<string[]> =>
  (
    await fixture.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    )
  ).rows.map((row) => row.table_name);

const storeTables = [
  'events',
  'outbox',
  'processed_messages',
  'schema_migrations',
  'streams',
  'subscription_checkpoints',
];

describe('event store migrations', () => {
  it('are applied by store.migrate() at startup, and a second run applies nothing', async () => {
    const store = createEventStore({ pool: fixture.pool, schema: 'startup_schema' });
    const first = await store.migrate();
    expect(first).toEqual({ schema: 'startup_schema', applied: [1, 2, 3, 4, 5], current: 5 });
    expect(await tablesOf('startup_schema')).toEqual(storeTables);
    expect(await store.migrate()).toEqual({ schema: 'startup_schema', applied: [], current: 5 });
  });

  it('are applied by the migrate command, which prints what it applied', async () => {
    const first = await migrateCommand(['--schema', 'command_schema']);
    expect(first.code).toBe(0);
    for (const migration of eventStoreMigrations) {
      expect(first.stdout).toContain(
        `applied command_schema migration ${migration.version} (${migration.name})`,
      );
    }
    expect(await tablesOf('command_schema')).toEqual(storeTables);

    const again = await migrateCommand(['--schema', 'command_schema']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('up to date at version 5; nothing applied');
  });

  it('refuse a migration that changed after it was applied, at startup and in the command', async () => {
    const store = createEventStore({ pool: fixture.pool, schema: 'tampered_schema' });
    await store.migrate();
    await fixture.pool.query(
      `UPDATE tampered_schema.schema_migrations SET checksum = 'edited' WHERE version = 2`,
    );

    await expect(store.migrate()).rejects.toThrow(MigrationError);
    await expect(store.migrate()).rejects.toMatchObject({ code: 'MIGRATION_CHANGED' });
    const command = await migrateCommand(['--schema', 'tampered_schema']);
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/MIGRATION_CHANGED.*migration 2 \(outbox\).*was changed/);
  });

  it('the command explains its usage when the schema is missing', async () => {
    const command = await migrateCommand([]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('--schema <name> is required');
  });
});
