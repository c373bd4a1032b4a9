import { type ProvidedTestInfra } from '../provided-context.js';
import { readTestInfraEnv } from '../test-infra-env.js';
import { defaultProvisionDependencies } from './default-dependencies.js';
import { describeTestInfra, provisionTestInfra } from './provision-test-infra.js';
import { stopOnExit } from './stop-on-exit.js';

/** The infrastructure of one vitest run: what to provide, and how to end it. */
export interface TestRunInfra {
  readonly provided: ProvidedTestInfra;
  /** One line for the log when something was started for this run; undefined when all came from the environment. */
  readonly startedLine: string | undefined;
  /** Stops what was started (vitest's teardown). */
  teardown(): Promise<void>;
}

/**
 * Provides Postgres and Kafka for a vitest run (undefined with `TESSERA_TEST_INFRA=none`), with
 * exit hooks so that local servers do not outlive an interrupted run.
 */
export async function startTestRunInfra(): Promise<TestRunInfra | undefined> {
  const env = readTestInfraEnv();
  if (env.mode === 'none') return undefined;
  const infra = await provisionTestInfra(env, defaultProvisionDependencies);
  const removeExitHooks = stopOnExit(infra);
  const fromEnv = infra.postgres.source === 'env' && infra.kafka.source === 'env';
  return {
    provided: {
      databaseUrl: infra.postgres.url,
      kafkaBrokers: infra.kafka.brokers,
      sources: { postgres: infra.postgres.source, kafka: infra.kafka.source },
    },
    startedLine: fromEnv ? undefined : describeTestInfra(infra),
    teardown: async () => {
      removeExitHooks();
      await infra.stop();
    },
  };
}
