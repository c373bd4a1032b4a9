import { describeError } from '../errors/transient-errors.js';
import type { Logger } from '../logger.js';
import type { SubscriptionState, SubscriptionStatus } from '../port.js';
import { type BackoffPolicy, assertValidBackoff, backoffDelayMs } from '../retry/backoff.js';
import { pause } from '../retry/pause.js';

/** One life of a consumer, from a successful start to a crash or a stop. */
export interface ConsumerRun {
  /**
   * Resolves with the cause when the consumer crashed (its machinery failed, or a handler failed
   * with a transient infrastructure error). Never rejects; stays pending while it runs.
   */
  readonly crashed: Promise<unknown>;
  /** Stops consuming and releases every resource; idempotent. Unacknowledged work is redelivered. */
  stop(): Promise<void>;
}

export interface ConsumerSupervisorOptions {
  /** For logs: which consumer this is. */
  readonly name: string;
  /** Starts one run; a throw counts as a crash. `signal` aborts when the supervisor stops. */
  readonly startRun: (signal: AbortSignal) => Promise<ConsumerRun>;
  /** Waits between restarts after consecutive crashes. */
  readonly restartBackoff: BackoffPolicy;
  readonly logger: Logger;
  readonly random?: () => number;
}

export const defaultRestartBackoff: BackoffPolicy = { initialBackoffMs: 500, maxBackoffMs: 30_000 };

/**
 * Keeps a consumer alive: after a crash it stops what is left of the run, reports `restarting`
 * (with `restarts` incremented and `lastError`), waits an exponential backoff and starts a new
 * run. It never gives up; only `stop()` ends it.
 */
export class ConsumerSupervisor {
  private state: SubscriptionState = 'starting';
  private restarts = 0;
  private lastError: string | undefined;
  private readonly stopping = new AbortController();
  /** Resolves once `stop()` was called. */
  private readonly stopRequested: Promise<undefined>;
  private supervising: Promise<void> | undefined;

  constructor(private readonly options: ConsumerSupervisorOptions) {
    assertValidBackoff(options.restartBackoff);
    this.stopRequested = new Promise((resolve) => {
      this.stopping.signal.addEventListener('abort', () => {
        resolve(undefined);
      });
    });
  }

  /** Starts supervising; resolves after the first start attempt, whether it succeeded or not. */
  start(): Promise<void> {
    if (this.supervising) {
      return Promise.resolve();
    }
    return new Promise((firstAttemptDone) => {
      this.supervising = this.supervise(firstAttemptDone);
    });
  }

  status(): SubscriptionStatus {
    return {
      state: this.state,
      restarts: this.restarts,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Ends supervision for good: stops the current run and cancels any pending restart. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.supervising;
    this.state = 'stopped';
  }

  private async supervise(firstAttemptDone: () => void): Promise<void> {
    const { signal } = this.stopping;
    let consecutiveCrashes = 0;
    while (!this.isStopping()) {
      const startedAt = Date.now();
      let run: ConsumerRun | undefined;
      let cause: unknown;
      try {
        run = await this.options.startRun(signal);
        if (!this.isStopping()) {
          this.state = 'running';
          firstAttemptDone();
          cause = await Promise.race([run.crashed, this.stopRequested]);
        }
      } catch (error) {
        cause = error;
      }
      firstAttemptDone();
      if (this.isStopping()) {
        await this.stopRun(run);
        return;
      }
      this.state = 'restarting';
      this.restarts += 1;
      this.lastError = describeError(cause);
      await this.stopRun(run);
      const ranLongEnough = Date.now() - startedAt >= this.options.restartBackoff.maxBackoffMs;
      consecutiveCrashes = ranLongEnough ? 1 : consecutiveCrashes + 1;
      const delayMs = backoffDelayMs(
        this.options.restartBackoff,
        consecutiveCrashes,
        this.options.random,
      );
      this.options.logger.error('consumer crashed; restarting after backoff', {
        consumer: this.options.name,
        restarts: this.restarts,
        delayMs,
        error: this.lastError,
      });
      await pause(delayMs, signal);
    }
  }

  /** A call, not a property: the flag flips while `supervise` awaits. */
  private isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  private async stopRun(run: ConsumerRun | undefined): Promise<void> {
    try {
      await run?.stop();
    } catch (error) {
      this.options.logger.warn('stopping a consumer run failed', {
        consumer: this.options.name,
        error: describeError(error),
      });
    }
  }
}
