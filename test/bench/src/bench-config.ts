import { BenchConfigInvalidError } from './core/errors.js';

/**
 * The environment the benchmarks read, validated once (STYLE.md: only `*config*.ts` files read
 * `process.env`). Empty values count as unset.
 *
 * - `DATABASE_URL`: a Postgres server to benchmark on (each run creates and drops a database of
 *   its own on it). Unset: a durable local Postgres is started in a temporary folder.
 * - `KAFKA_BROKERS`: comma-separated `host:port` brokers. Unset: a local broker is started.
 */
export interface BenchConfig {
  readonly databaseUrl: string | undefined;
  readonly kafkaBrokers: readonly string[] | undefined;
}

export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const problems: string[] = [];
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const kafkaBrokers = nonEmpty(env.KAFKA_BROKERS)
    ?.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  for (const broker of kafkaBrokers ?? []) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      problems.push(`KAFKA_BROKERS entry "${broker}" is not host:port`);
    }
  }
  if (problems.length > 0) throw new BenchConfigInvalidError(problems);
  return {
    databaseUrl,
    kafkaBrokers: kafkaBrokers !== undefined && kafkaBrokers.length > 0 ? kafkaBrokers : undefined,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
