import { inject } from 'vitest';
import { TestInfraNotProvidedError } from './errors.js';
import { PROVIDED_TEST_INFRA_KEY, type ProvidedTestInfra } from './provided-context.js';
import { readTestInfraEnv } from './test-infra-env.js';

/** What the global setup provided to this test file; throws a clear error when it provided nothing. */
export function providedTestInfra(): ProvidedTestInfra {
  const provided = inject(PROVIDED_TEST_INFRA_KEY);
  if (provided !== undefined) return provided;
  const unitOnly = readTestInfraEnv().mode === 'none';
  throw new TestInfraNotProvidedError(
    unitOnly
      ? 'This test needs Postgres or Kafka, but TESSERA_TEST_INFRA=none (a unit-only run) provides ' +
          'neither. Name the file *.int.spec.ts and run the `test` target (or `npm test`).'
      : "No Postgres or Kafka was provided: this project's vitest config does not use the global " +
          'setup of @tessera/testing. Build it with projectTestConfig() from vitest.shared.ts.',
  );
}

/** The URL of the test Postgres server (its maintenance database); prefer `createTestDatabase()`. */
export function databaseUrl(): string {
  return providedTestInfra().databaseUrl;
}

/** Bootstrap servers of the test Kafka cluster, for `new Kafka({ brokers })`. */
export function kafkaBrokers(): string[] {
  return [...providedTestInfra().kafkaBrokers];
}
