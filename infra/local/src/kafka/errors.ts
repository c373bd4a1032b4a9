import { TesseraError } from '@tessera/errors';
/**
 * Typed errors of the local Kafka runner. Each has a stable `code`; messages say what to do next.
 */
export type LocalKafkaErrorCode =
  | 'MISSING_PREREQUISITE'
  | 'INVALID_KAFKA_OPTIONS'
  | 'KAFKA_FETCH_FAILED'
  | 'KAFKA_EXITED_DURING_STARTUP'
  | 'KAFKA_START_TIMEOUT';

export abstract class LocalKafkaError extends TesseraError<LocalKafkaErrorCode> {}

/** A program the runner needs (a JDK, or Maven for the first download) is absent or too old. */
export class MissingPrerequisiteError extends LocalKafkaError {
  readonly code = 'MISSING_PREREQUISITE';

  constructor(
    readonly prerequisite: 'java' | 'maven',
    message: string,
  ) {
    super(message);
  }
}

/** An option (version, port, property) cannot work; the message names it. */
export class InvalidKafkaOptionsError extends LocalKafkaError {
  readonly code = 'INVALID_KAFKA_OPTIONS';
}

/** Maven could not download the broker; `output` holds the end of Maven's output. */
export class KafkaFetchError extends LocalKafkaError {
  readonly code = 'KAFKA_FETCH_FAILED';

  constructor(
    message: string,
    readonly output: string,
  ) {
    super(output === '' ? message : `${message}\n--- end of Maven's output ---\n${output}`);
  }
}

/** Where a failed broker's log can be read. */
export interface FailedBrokerLog {
  /** The whole log, or undefined when it was removed with a temporary data folder. */
  logFile: string | undefined;
  /** Its last lines. */
  tail: string;
  /** The first error it reports with its deepest cause, when it reports one. */
  firstError: string | undefined;
}

/**
 * The broker (or the storage format that precedes it) exited before it answered clients.
 * The message names the first error in the log and ends with the log's tail.
 */
export class KafkaExitedDuringStartupError extends LocalKafkaError {
  readonly code = 'KAFKA_EXITED_DURING_STARTUP';
  readonly logFile: string | undefined;
  readonly logTail: string;
  readonly firstError: string | undefined;

  constructor(
    readonly stage: 'storage-format' | 'broker',
    readonly exitDescription: string,
    log: FailedBrokerLog,
  ) {
    const what = stage === 'broker' ? 'the Kafka broker' : 'formatting Kafka storage';
    super(`${what} ${exitDescription} during start-up${describeLog(log)}`);
    this.logFile = log.logFile;
    this.logTail = log.tail;
    this.firstError = log.firstError;
  }
}

/** The broker kept running but did not answer clients before the deadline; it has been stopped. */
export class KafkaStartTimeoutError extends LocalKafkaError {
  readonly code = 'KAFKA_START_TIMEOUT';
  readonly logFile: string | undefined;
  readonly logTail: string;
  readonly firstError: string | undefined;

  constructor(
    readonly timeoutMs: number,
    log: FailedBrokerLog,
    cause: unknown,
  ) {
    super(
      `the Kafka broker did not answer clients within ${Math.round(timeoutMs / 1000)} s and was ` +
        `stopped; last client error: ${describe(cause)}${describeLog(log)}`,
      { cause },
    );
    this.logFile = log.logFile;
    this.logTail = log.tail;
    this.firstError = log.firstError;
  }
}

function describeLog(log: FailedBrokerLog): string {
  const where =
    log.logFile === undefined
      ? ' (its temporary data folder was removed; pass a data folder to keep the whole log)'
      : ` (log: ${log.logFile})`;
  const first = log.firstError === undefined ? '' : `\nfirst error: ${log.firstError}`;
  const tail = log.tail === '' ? '\nthe log is empty' : `\n--- end of the log ---\n${log.tail}`;
  return `${where}${first}${tail}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
