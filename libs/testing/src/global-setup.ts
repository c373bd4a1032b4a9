/**
 * The vitest global setup of every project (registered in vitest.shared.ts). It provides one
 * Postgres server and one Kafka cluster to all test files of the project (see
 * `provisionTestInfra` for how they are chosen) and stops what it started in the teardown, which
 * vitest runs also when tests fail. Under `npm test` the wrapper `with-test-infra` has provisioned
 * them once for all projects and passes DATABASE_URL / KAFKA_BROKERS, so nothing starts here.
 * With `TESSERA_TEST_INFRA=none` (unit-only runs) it provides nothing.
 */
import { type TestProject } from 'vitest/node';
import { PROVIDED_TEST_INFRA_KEY } from './provided-context.js';
import { startTestRunInfra } from './provision/test-run-infra.js';

export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const infra = await startTestRunInfra();
  if (infra === undefined) return undefined;
  project.provide(PROVIDED_TEST_INFRA_KEY, infra.provided);
  if (infra.startedLine !== undefined) process.stderr.write(`${infra.startedLine}\n`);
  return () => infra.teardown();
}
