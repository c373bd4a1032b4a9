import { inspect } from 'node:util';
import { isTransientPostgresError } from '@tessera/postgres';
import { TesseraError } from '@tessera/errors';

/**
 * A failure of the infrastructure a handler depends on (a database, a broker, a network hop),
 * not of the message. Throwing it from a handler crashes the consumer: it restarts after a
 * backoff and the message is delivered again. It is never retried in place nor dead-lettered.
 */
export class TransientInfrastructureError extends TesseraError<'TRANSIENT_INFRASTRUCTURE'> {
  readonly code = 'TRANSIENT_INFRASTRUCTURE';
}

/**
 * kafkajs errors that mean "the cluster is unreachable or busy". kafkajs marks most protocol
 * errors with `retriable`; these names are thrown after its own retries ran out.
 */
const transientKafkaErrorNames = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
]);

function isTransientKafkaError(error: Error): boolean {
  if (!error.name.startsWith('KafkaJS')) {
    return false;
  }
  return (
    transientKafkaErrorNames.has(error.name) ||
    (error as { retriable?: unknown }).retriable === true
  );
}

/** The error that caused `error`, following both `cause` and kafkajs's `originalError`. */
function causeOf(error: Error): unknown {
  const withCauses = error as { cause?: unknown; originalError?: unknown };
  return withCauses.cause ?? withCauses.originalError;
}

/**
 * True when `error` (or an error it wraps) says that infrastructure is unavailable rather than
 * that the work is wrong: a `TransientInfrastructureError`, a transient Postgres error (see
 * `isTransientPostgresError`), or a retriable / connection error of kafkajs.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    if (
      current instanceof TransientInfrastructureError ||
      isTransientPostgresError(current) ||
      isTransientKafkaError(current)
    ) {
      return true;
    }
    current = causeOf(current);
  }
  return false;
}

/** One line that says what went wrong, for logs, statuses and dead-letter headers. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return typeof error === 'string' ? error : inspect(error, { depth: 2, breakLength: Infinity });
}
