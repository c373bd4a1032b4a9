import { TestInfraEnvInvalidError } from './errors.js';

/**
 * The environment the test harness reads, validated in one place (STYLE.md: only `*env*.ts`
 * files read `process.env`). Empty values count as unset.
 *
 * - `TESSERA_TEST_INFRA`: unset to provide Postgres and Kafka; `none` for unit-only runs.
 * - `DATABASE_URL`: use this Postgres (a server URL; each test file creates its own database).
 * - `KAFKA_BROKERS`: use these brokers, comma separated `host:port`.
 * - `DOCKER_HOST`: the Docker engine to probe (default the local socket).
 * - `TESSERA_TEST_POSTGRES_IMAGE`, `TESSERA_TEST_KAFKA_IMAGE`: images testcontainers runs.
 */
export interface TestInfraEnv {
  readonly mode: 'provide' | 'none';
  readonly databaseUrl: string | undefined;
  readonly kafkaBrokers: readonly string[] | undefined;
  readonly dockerHost: string | undefined;
  readonly postgresImage: string | undefined;
  readonly kafkaImage: string | undefined;
}

export function readTestInfraEnv(env: NodeJS.ProcessEnv = process.env): TestInfraEnv {
  const problems: string[] = [];
  const mode = nonEmpty(env.TESSERA_TEST_INFRA);
  if (mode !== undefined && mode !== 'none') {
    problems.push(`TESSERA_TEST_INFRA must be unset or "none", got "${mode}"`);
  }
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const kafkaBrokers = nonEmpty(env.KAFKA_BROKERS)
    ?.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  for (const broker of kafkaBrokers ?? []) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker))
      problems.push(`KAFKA_BROKERS entry "${broker}" is not host:port`);
  }
  if (problems.length > 0) throw new TestInfraEnvInvalidError(problems.join('; '));
  return {
    mode: mode === 'none' ? 'none' : 'provide',
    databaseUrl,
    kafkaBrokers: kafkaBrokers !== undefined && kafkaBrokers.length > 0 ? kafkaBrokers : undefined,
    dockerHost: nonEmpty(env.DOCKER_HOST),
    postgresImage: nonEmpty(env.TESSERA_TEST_POSTGRES_IMAGE),
    kafkaImage: nonEmpty(env.TESSERA_TEST_KAFKA_IMAGE),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * The environment for a command run under provisioned infrastructure: this process's own, plus
 * where the provisioned Postgres and Kafka are (the harness in that command then uses them).
 */
export function commandEnvWithInfra(
  infra: { readonly databaseUrl: string; readonly kafkaBrokers: readonly string[] } | undefined,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  if (infra === undefined) return env;
  return { ...env, DATABASE_URL: infra.databaseUrl, KAFKA_BROKERS: infra.kafkaBrokers.join(',') };
}
