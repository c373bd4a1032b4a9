/**
 * The test harness. The vitest global setup (global-setup.ts, registered for every project in
 * vitest.shared.ts) provides one Postgres server and one Kafka cluster per run; test files take
 * what they need from it:
 *
 *   const db = await createTestDatabase();        // a fresh database of this file's own
 *   const topic = uniqueTopic('composer.events');  // a topic no other file uses
 *   const kafka = new Kafka({ brokers: kafkaBrokers() });
 */
export {
  createTestDatabase,
  type CreateTestDatabaseOptions,
  type TestDatabase,
} from './test-database.js';
export { databaseUrl, kafkaBrokers, providedTestInfra } from './provided.js';
export { uniqueTopic } from './topics.js';
export { type ProvidedTestInfra } from './provided-context.js';
export { type InfraSource } from './provision/provisioned.js';
export {
  TestInfraEnvInvalidError,
  TestInfraError,
  type TestInfraErrorCode,
  TestInfraNotProvidedError,
  TestInfraUnavailableError,
} from './errors.js';
