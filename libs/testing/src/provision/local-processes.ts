import { startKafka, startPostgres } from '@tessera/local-infra';
import { type ProvisionedKafka, type ProvisionedPostgres, signalIfRunning } from './provisioned.js';

/**
 * Room for every test file of a parallel run to hold a pool (the Postgres default of 100 runs out
 * when several projects test at once against one server).
 */
const TEST_MAX_CONNECTIONS = 300;

/** A throwaway Postgres cluster (temp folder, no fsync) from the binaries npm installed. */
export async function startLocalPostgres(): Promise<ProvisionedPostgres> {
  const postgres = await startPostgres({ settings: { max_connections: TEST_MAX_CONNECTIONS } });
  return {
    source: 'local-process',
    url: postgres.url,
    stop: () => postgres.stop(),
    // Fast shutdown; the folder is reaped by the next start, whose owner check finds us gone.
    stopNow: () => {
      signalIfRunning(postgres.pid, 'SIGINT');
    },
  };
}

/** A single-node KRaft broker run with the JDK (downloaded once with Maven). */
export async function startLocalKafka(): Promise<ProvisionedKafka> {
  const kafka = await startKafka();
  return {
    source: 'local-process',
    brokers: kafka.brokers,
    stop: () => kafka.stop(),
    stopNow: () => {
      signalIfRunning(kafka.pid, 'SIGTERM');
    },
  };
}
