import { type ChildExit } from '../process/index.js';
import { type RunAs } from './run-as.js';

/** Server settings passed as `-c name=value`. */
export type PostgresSettings = Readonly<Record<string, string | number | boolean>>;

export interface StartPostgresOptions {
  /**
   * Persistent mode: the cluster lives in this folder and survives `stop()`; it is created with
   * initdb only when the folder holds no cluster yet (`PG_VERSION` missing), and runs with
   * Postgres' durable defaults. When omitted, a throwaway cluster is made in a temp folder,
   * runs without fsync, and is deleted by `stop()`.
   */
  readonly dataDir?: string;
  /** TCP port on 127.0.0.1; a free one when omitted. */
  readonly port?: number;
  /**
   * Extra server settings (e.g. `{ max_connections: 300 }`). They override the throwaway defaults
   * but not `listen_addresses` and `unix_socket_directories`, which keep the server on 127.0.0.1.
   */
  readonly settings?: PostgresSettings;
  /** How long to wait for the server to accept connections. Default 60 s. */
  readonly startTimeoutMs?: number;
}

/** A running local Postgres server. */
export interface LocalPostgres {
  readonly mode: 'throwaway' | 'persistent';
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, no password). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The server's output (truncated at each start). */
  readonly logFile: string;
  /** The postmaster's pid. */
  readonly pid: number;
  /** The identity the server runs as when this process is root; undefined otherwise. */
  readonly runAs: RunAs | undefined;
  /** Settles when the server process exits, for whatever reason. */
  readonly exited: Promise<ChildExit>;
  /**
   * Fast shutdown (then immediate, then SIGKILL if it hangs); a throwaway cluster's folder is
   * deleted afterwards. Idempotent: later calls return the first call's promise.
   */
  stop(): Promise<void>;
}
