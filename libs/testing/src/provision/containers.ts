import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_KAFKA_VERSION, quietKafkaLogging } from '@tessera/local-infra';
import { Kafka } from 'kafkajs';
import type * as Testcontainers from 'testcontainers';
import { type ProvisionedKafka, type ProvisionedPostgres, nothingToStop } from './provisioned.js';

export const DEFAULT_POSTGRES_IMAGE = 'postgres:17-alpine';
export const DEFAULT_KAFKA_IMAGE = `apache/kafka:${DEFAULT_KAFKA_VERSION}`;

const STARTUP_TIMEOUT_MS = 180_000;
const KAFKA_CLIENT_PORT = 9092;
const KAFKA_CONTROLLER_PORT = 9093;
const KAFKA_BROKER_PORT = 9094;
const STARTER_SCRIPT = '/tmp/tessera-start-kafka.sh';
const WAITING_MESSAGE = 'tessera: waiting for the start script';

/**
 * testcontainers is loaded only here, and only after the engine answered a ping: importing it
 * is slow, and it hangs forever on an engine that never answers. Its Ryuk sidecar removes the
 * containers if this process dies without stopping them, so `stopNow` has nothing to do.
 */
async function loadTestcontainers(): Promise<typeof Testcontainers> {
  return import('testcontainers');
}

/** Postgres in a container, tuned like the local throwaway cluster (no fsync). */
export async function startPostgresContainer(
  image = DEFAULT_POSTGRES_IMAGE,
): Promise<ProvisionedPostgres> {
  const { GenericContainer, Wait } = await loadTestcontainers();
  const container = await new GenericContainer(image)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withCommand([
      'postgres',
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      ...['-c', 'max_connections=300'],
    ])
    .withExposedPorts(5432)
    // The entrypoint's temporary server logs this once, the real one a second time.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  return {
    ...nothingToStop(),
    source: 'testcontainers',
    url: `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`,
    stop: async () => {
      await container.stop();
    },
  };
}

/**
 * A single-node KRaft broker in a container. Clients must be told the host-side address, which
 * is known only once the container runs, so the container first waits for a start script; the
 * script, written after start with the mapped port, then runs the image's own start command.
 */
export async function startKafkaContainer(image = DEFAULT_KAFKA_IMAGE): Promise<ProvisionedKafka> {
  const { GenericContainer, Wait } = await loadTestcontainers();
  const container = await new GenericContainer(image)
    .withEnvironment(kafkaEnvironment())
    .withExposedPorts(KAFKA_CLIENT_PORT)
    .withEntrypoint(['sh'])
    .withCommand([
      '-c',
      `echo '${WAITING_MESSAGE}'; while [ ! -f ${STARTER_SCRIPT} ]; do sleep 0.1; done; exec sh ${STARTER_SCRIPT}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(WAITING_MESSAGE))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  const stop = async (): Promise<void> => {
    await container.stop();
  };
  try {
    const bootstrap = `${container.getHost()}:${container.getMappedPort(KAFKA_CLIENT_PORT)}`;
    const script = [
      `export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${bootstrap},BROKER://localhost:${KAFKA_BROKER_PORT}`,
      'exec /etc/kafka/docker/run',
    ].join('\n');
    // Written beside the target and renamed, so the waiting loop never runs half a script.
    await container.copyContentToContainer([
      { content: `${script}\n`, target: `${STARTER_SCRIPT}.part`, mode: 0o755 },
    ]);
    const moved = await container.exec(['mv', `${STARTER_SCRIPT}.part`, STARTER_SCRIPT]);
    if (moved.exitCode !== 0)
      throw new Error(`could not place the Kafka start script: ${moved.output}`);
    await waitForBroker(bootstrap, STARTUP_TIMEOUT_MS);
    return { ...nothingToStop(), source: 'testcontainers', brokers: [bootstrap], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function kafkaEnvironment(): Record<string, string> {
  return {
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_LISTENERS: [
      `PLAINTEXT://0.0.0.0:${KAFKA_CLIENT_PORT}`,
      `CONTROLLER://0.0.0.0:${KAFKA_CONTROLLER_PORT}`,
      `BROKER://0.0.0.0:${KAFKA_BROKER_PORT}`,
    ].join(','),
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
      'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,BROKER:PLAINTEXT',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_CONTROLLER_QUORUM_VOTERS: `1@localhost:${KAFKA_CONTROLLER_PORT}`,
    // One broker: internal topics cannot be replicated (consumer groups break without these).
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
  };
}

/** Retries a metadata request until the broker answers or the deadline passes. */
async function waitForBroker(bootstrap: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const admin = new Kafka({
    brokers: [bootstrap],
    ...quietKafkaLogging,
    retry: { retries: 0 },
  }).admin();
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      try {
        await admin.connect();
        await admin.describeCluster();
        return;
      } catch (error) {
        lastError = error;
        await admin.disconnect().catch(() => undefined);
        await sleep(500);
      }
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  throw new Error(
    `the Kafka container did not answer at ${bootstrap} within ${timeoutMs / 1000} s`,
    {
      cause: lastError,
    },
  );
}
