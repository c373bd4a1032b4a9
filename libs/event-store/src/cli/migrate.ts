/**
 * Applies the event store's migrations to one schema and prints what it applied.
 *
 *   DATABASE_URL=postgres://… tsx --conditions=@tessera/source \
 *     libs/event-store/src/cli/migrate.ts --schema composer
 *
 * Exit codes: 0 done (also when nothing was pending), 1 refused or failed (for example a changed
 * migration), 2 bad usage.
 */
import { createPool } from '@tessera/postgres';
import { eventStoreMigrations, migrateEventStore } from '../migrations/index.js';
import { readMigrateCommandConfig, usage, UsageError } from './migrate-config.js';

async function main(): Promise<number> {
  let config;
  try {
    config = readMigrateCommandConfig(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
  const pool = createPool({
    connectionString: config.databaseUrl,
    max: 1,
    applicationName: 'tessera-migrate',
  });
  try {
    const result = await migrateEventStore(pool, config.schema);
    for (const version of result.applied) {
      const name = eventStoreMigrations.find((migration) => migration.version === version)?.name;
      console.log(`applied ${config.schema} migration ${version} (${name ?? 'unnamed'})`);
    }
    console.log(
      result.applied.length === 0
        ? `schema ${config.schema} is up to date at version ${result.current}; nothing applied`
        : `schema ${config.schema} is now at version ${result.current}`,
    );
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    console.error(
      `migrating schema ${config.schema} failed${typeof code === 'string' ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();
