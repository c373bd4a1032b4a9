import { TestInfraUnavailableError } from '../errors.js';
import { type TestInfraEnv } from '../test-infra-env.js';
import { type DockerProbe } from './docker-probe.js';
import {
  type InfraSource,
  nothingToStop,
  type ProvisionedKafka,
  type ProvisionedPostgres,
} from './provisioned.js';

/** Postgres and Kafka for one test run, and how to stop what was started for it. */
export interface TestInfra {
  readonly postgres: ProvisionedPostgres;
  readonly kafka: ProvisionedKafka;
  /** Stops everything that was started (both, even if one fails). Idempotent. */
  stop(): Promise<void>;
  /** Synchronous best effort for an exiting process; see `ProvisionedPostgres.stopNow`. */
  stopNow(): void;
}

/** The ways to obtain each piece; injectable so that the choice can be tested without them. */
export interface ProvisionDependencies {
  readonly probeDocker: (dockerHost: string | undefined) => Promise<DockerProbe>;
  readonly startPostgresContainer: (image: string | undefined) => Promise<ProvisionedPostgres>;
  readonly startKafkaContainer: (image: string | undefined) => Promise<ProvisionedKafka>;
  readonly startLocalPostgres: () => Promise<ProvisionedPostgres>;
  readonly startLocalKafka: () => Promise<ProvisionedKafka>;
}

/**
 * Provides Postgres and Kafka, each chosen in this order: the environment (`DATABASE_URL`,
 * `KAFKA_BROKERS`); testcontainers when a Docker engine answers a ping; local processes
 * otherwise. Both start in parallel. If either cannot be provided, whatever did start is stopped
 * and one `TestInfraUnavailableError` says what to install or set. `mode: 'none'` is the
 * caller's business: this function always provides.
 */
export async function provisionTestInfra(
  env: TestInfraEnv,
  deps: ProvisionDependencies,
): Promise<TestInfra> {
  const needsStarting = env.databaseUrl === undefined || env.kafkaBrokers === undefined;
  const docker = needsStarting ? await deps.probeDocker(env.dockerHost) : undefined;
  const useContainers = docker?.state === 'answered';

  const [postgres, kafka] = await Promise.allSettled([
    env.databaseUrl !== undefined
      ? Promise.resolve<ProvisionedPostgres>({
          ...nothingToStop(),
          source: 'env',
          url: env.databaseUrl,
        })
      : useContainers
        ? deps.startPostgresContainer(env.postgresImage)
        : deps.startLocalPostgres(),
    env.kafkaBrokers !== undefined
      ? Promise.resolve<ProvisionedKafka>({
          ...nothingToStop(),
          source: 'env',
          brokers: env.kafkaBrokers,
        })
      : useContainers
        ? deps.startKafkaContainer(env.kafkaImage)
        : deps.startLocalKafka(),
  ]);

  if (postgres.status === 'fulfilled' && kafka.status === 'fulfilled') {
    return combine(postgres.value, kafka.value);
  }
  await Promise.allSettled(
    [postgres, kafka].flatMap((result) =>
      result.status === 'fulfilled' ? [result.value.stop()] : [],
    ),
  );
  throw new TestInfraUnavailableError(
    unavailableMessage(
      postgres.status === 'rejected' ? postgres.reason : undefined,
      kafka.status === 'rejected' ? kafka.reason : undefined,
      docker,
    ),
    {
      cause: new AggregateError(
        [postgres, kafka].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
      ),
    },
  );
}

function combine(postgres: ProvisionedPostgres, kafka: ProvisionedKafka): TestInfra {
  let stopping: Promise<void> | undefined;
  const stopBoth = async (): Promise<void> => {
    const results = await Promise.allSettled([postgres.stop(), kafka.stop()]);
    const errors = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    if (errors.length > 0)
      throw new AggregateError(errors, 'stopping the test infrastructure failed');
  };
  return {
    postgres,
    kafka,
    stop: () => (stopping ??= stopBoth()),
    stopNow: () => {
      postgres.stopNow();
      kafka.stopNow();
    },
  };
}

/** One message: what failed and why, then what to install or set. */
function unavailableMessage(
  postgresFailure: unknown,
  kafkaFailure: unknown,
  docker: DockerProbe | undefined,
): string {
  const how = docker?.state === 'answered' ? 'with testcontainers' : 'as a local process';
  const lines = ['Tests need Postgres and Kafka, and they could not be provided.'];
  if (postgresFailure !== undefined)
    lines.push(`Postgres could not be started ${how}: ${firstLines(postgresFailure)}`);
  if (kafkaFailure !== undefined)
    lines.push(`Kafka could not be started ${how}: ${firstLines(kafkaFailure)}`);
  if (docker?.state === 'absent') {
    lines.push(`(No Docker engine answered at ${docker.endpoint}: ${docker.reason}.)`);
  }
  lines.push('To fix it, do one of these:');
  if (kafkaFailure !== undefined) {
    lines.push(
      '- install a JDK 17+ and Maven, so that Kafka runs as a local process (downloaded once from Maven Central);',
      '- set KAFKA_BROKERS=host:port to use a running broker;',
    );
  }
  if (postgresFailure !== undefined)
    lines.push('- set DATABASE_URL=postgres://user@host:port/db to use a running server;');
  lines.push(
    '- start a Docker engine (testcontainers then runs both).',
    'Unit tests alone need none of this: npm run test:unit (TESSERA_TEST_INFRA=none).',
  );
  return lines.join('\n');
}

function firstLines(reason: unknown, count = 12): string {
  const message = reason instanceof Error ? reason.message : String(reason);
  return message.split('\n').slice(0, count).join('\n  ');
}

/** One line naming what was provided and how, e.g. for the start of a test run. */
export function describeTestInfra(infra: TestInfra): string {
  return (
    `test infrastructure: Postgres ${describeSource(infra.postgres.source)} (${redactUrl(infra.postgres.url)}), ` +
    `Kafka ${describeSource(infra.kafka.source)} (${infra.kafka.brokers.join(',')})`
  );
}

function describeSource(source: InfraSource): string {
  switch (source) {
    case 'env':
      return 'from the environment';
    case 'testcontainers':
      return 'in a container (testcontainers)';
    case 'local-process':
      return 'as a local process';
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
