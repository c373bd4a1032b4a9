import { TesseraError } from '@tessera/errors';
/**
 * Errors of the test harness. Each has a stable `code`; the message says what to install or set.
 */
export type TestInfraErrorCode =
  'TEST_INFRA_UNAVAILABLE' | 'TEST_INFRA_NOT_PROVIDED' | 'TEST_INFRA_ENV_INVALID';

export abstract class TestInfraError extends TesseraError<TestInfraErrorCode> {}

/** Postgres or Kafka could not be provided by any means; the message lists the ways out. */
export class TestInfraUnavailableError extends TestInfraError {
  readonly code = 'TEST_INFRA_UNAVAILABLE';
}

/** A test asked for Postgres or Kafka, but the global setup provided none. */
export class TestInfraNotProvidedError extends TestInfraError {
  readonly code = 'TEST_INFRA_NOT_PROVIDED';
}

/** An environment variable the harness reads has a value it cannot use. */
export class TestInfraEnvInvalidError extends TestInfraError {
  readonly code = 'TEST_INFRA_ENV_INVALID';
}
