/** Where a piece of test infrastructure came from. */
export type InfraSource = 'env' | 'testcontainers' | 'local-process';

/** A Postgres server for tests: `url` points at its maintenance database. */
export interface ProvisionedPostgres {
  readonly source: InfraSource;
  readonly url: string;
  stop(): Promise<void>;
  /**
   * Synchronous, best-effort stop for a process that is exiting right now (no awaiting possible):
   * signals a local server so that it does not outlive this process.
   */
  stopNow(): void;
}

/** A Kafka cluster for tests. */
export interface ProvisionedKafka {
  readonly source: InfraSource;
  readonly brokers: readonly string[];
  stop(): Promise<void>;
  /** See `ProvisionedPostgres.stopNow`. */
  stopNow(): void;
}

/** Nothing to stop: it was given through the environment (or is cleaned up by its own means). */
export function nothingToStop(): { stop(): Promise<void>; stopNow(): void } {
  return { stop: () => Promise.resolve(), stopNow: () => undefined };
}

/** Signals a local process if it still exists; never throws (it runs while the process exits). */
export function signalIfRunning(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH) or not ours to signal: nothing more can be done while exiting.
  }
}
