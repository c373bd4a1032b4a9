import path from 'node:path';
import { startKafka, startPostgres } from '@tessera/local-infra';
import pg from 'pg';
import type { PartEnd } from './supervisor.js';

/** The services that keep data, each in a database of its own on one server. */
export const databaseOwners = ['inventory', 'composer', 'gateway'] as const;
export type DatabaseOwner = (typeof databaseOwners)[number];

/** Kafka or Postgres as distributed mode uses it: given by the user, or started here. */
export interface ProvidedServer<Address> {
  readonly address: Address;
  /** For people: where it is and who runs it. */
  readonly description: string;
  /** Settles when a server started here stops on its own; never for a given one. */
  readonly exited: Promise<PartEnd>;
  /** Stops a server started here; nothing for a given one. */
  stop(): Promise<void>;
}

const never = new Promise<PartEnd>(() => undefined);

/**
 * The given brokers as they are, or the local Kafka 4.x broker (infra/local) with its data in
 * `<dataDir>/kafka`, kept across restarts, on a free loopback port.
 */
export async function provideKafka(
  given: readonly string[] | undefined,
  dataDir: string,
): Promise<ProvidedServer<readonly string[]>> {
  if (given !== undefined) {
    return {
      address: given,
      description: `KAFKA_BROKERS (${given.join(',')})`,
      exited: never,
      stop: () => Promise.resolve(),
    };
  }
  const kafka = await startKafka({ dataDir: path.join(dataDir, 'kafka') });
  return {
    address: kafka.brokers,
    description: `Apache Kafka ${kafka.version} in ${kafka.dataDir} (log ${kafka.logFile})`,
    exited: kafka.exited.then(() => ({
      how: `stopped on its own; see ${kafka.logFile}`,
      lines: [],
    })),
    stop: () => kafka.stop(),
  };
}

/**
 * The given server (its URL names any database of it) as it is, or the local Postgres 17
 * (infra/local) in persistent mode in `<dataDir>/postgres` on a free loopback port.
 */
export async function providePostgres(
  given: string | undefined,
  dataDir: string,
): Promise<ProvidedServer<string>> {
  if (given !== undefined) {
    return {
      address: given,
      description: `DATABASE_URL (${redacted(given)})`,
      exited: never,
      stop: () => Promise.resolve(),
    };
  }
  const postgres = await startPostgres({ dataDir: path.join(dataDir, 'postgres') });
  return {
    address: postgres.url,
    description: `Postgres in ${postgres.dataDir} (log ${postgres.logFile})`,
    exited: postgres.exited.then(() => ({
      how: `stopped on its own; see ${postgres.logFile}`,
      lines: [],
    })),
    stop: () => postgres.stop(),
  };
}

/**
 * Creates `<prefix>_inventory`, `<prefix>_composer` and `<prefix>_gateway` on the server when
 * missing, and answers each one's URL. Each service migrates its own schema at start.
 */
export async function createServiceDatabases(
  serverUrl: string,
  prefix: string,
): Promise<Readonly<Record<DatabaseOwner, string>>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const urls = {} as Record<DatabaseOwner, string>;
    for (const owner of databaseOwners) {
      const name = `${prefix}_${owner}`;
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      urls[owner] = url.toString();
    }
    return urls;
  } finally {
    await client.end();
  }
}

/** A URL without its password, for printing. */
export function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
