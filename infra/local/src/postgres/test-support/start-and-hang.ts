/**
 * A process that starts a cluster, writes a marker row, prints `{ pid, port, dataDir }` as one
 * JSON line and then waits to be killed. Tests SIGKILL it to leave an orphaned postmaster behind.
 * Usage: tsx start-and-hang.ts throwaway | persistent <dataDir>
 */
import pg from 'pg';
import { startPostgres } from '../index.js';

const [mode, dataDir] = process.argv.slice(2);
const postgres = await startPostgres(mode === 'persistent' ? { dataDir } : {});
const client = new pg.Client({ connectionString: postgres.url });
await client.connect();
await client.query('CREATE TABLE IF NOT EXISTS marker (note text)');
await client.query(`INSERT INTO marker VALUES ('written before the owner was killed')`);
await client.end();
process.stdout.write(
  `${JSON.stringify({ pid: postgres.pid, port: postgres.port, dataDir: postgres.dataDir })}\n`,
);
setInterval(() => undefined, 60_000);
