/**
 * `npm run infra -- postgres <command>`: run a local Postgres 17 (the binaries npm installed) in
 * the foreground.
 */
import { parseArgs } from 'node:util';
import { type LocalPostgres, LocalPostgresError, startPostgres } from '../postgres/index.js';

const usage = `usage: npm run infra -- postgres start [--data-dir DIR] [--port N]

Starts Postgres 17 on 127.0.0.1 in the foreground and prints DATABASE_URL=... once it accepts
connections (user postgres, no password). Ctrl-C (SIGINT) or SIGTERM stops it.

  --data-dir DIR   keep the cluster in DIR (created on first use, kept after stop);
                   without it the cluster is throwaway: a temp folder deleted at stop
  --port N         listen on port N (default: a free port)

Example:
  npm run infra -- postgres start --data-dir .data/postgres --port 5433
  DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres npm test`;

export async function runPostgresCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case undefined:
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`unknown postgres command: ${command}\n\n${usage}`);
      return 2;
  }
}

async function start(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (parsed.help === true) {
    console.log(usage);
    return 0;
  }
  const port = parsed.port === undefined ? undefined : Number(parsed.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error(`--port must be a TCP port number, got ${String(parsed.port)}`);
    return 2;
  }

  let postgres: LocalPostgres;
  try {
    postgres = await startPostgres({ dataDir: parsed['data-dir'], port });
  } catch (error) {
    console.error(error instanceof LocalPostgresError ? `${error.code}: ${error.message}` : error);
    return 1;
  }
  console.error(
    `Postgres ${postgres.mode} cluster in ${postgres.dataDir} (pid ${postgres.pid}, log ${postgres.logFile})`,
  );
  console.log(`DATABASE_URL=${postgres.url}`);
  return runUntilStopped(postgres);
}

/** Waits for SIGINT/SIGTERM (then stops the server: exit 0) or for the server to die on its own (exit 1). */
async function runUntilStopped(postgres: LocalPostgres): Promise<number> {
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => {
      resolve('SIGINT');
    });
    process.once('SIGTERM', () => {
      resolve('SIGTERM');
    });
  });
  const outcome = await Promise.race([signalled, postgres.exited]);
  if (typeof outcome === 'string') {
    console.error(`${outcome}: stopping Postgres`);
    await postgres.stop();
    return 0;
  }
  console.error(
    `Postgres exited on its own (code ${String(outcome.exitCode)}, signal ${String(outcome.signal)}); see ${postgres.logFile}`,
  );
  await postgres.stop();
  return 1;
}
