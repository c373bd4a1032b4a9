import type { EventStore, LogRead } from '@tessera/event-store';
import {
  listenForNotifications,
  type LogPosition,
  type NotificationListener,
} from '@tessera/postgres';

export interface LogFollowerOptions {
  readonly store: Pick<EventStore, 'readAll'>;
  /**
   * The store's append notifications (`notificationChannel(schema)`): followers wake as soon
   * as an append commits. Without them they only poll.
   */
  readonly notifications?: {
    readonly connectionString: string;
    readonly channel: string;
    readonly onError?: (error: Error) => void;
  };
  /**
   * Longest wait before reading again when nothing woke the follower (default 200 ms). Polling
   * stays on with notifications: an append that committed while an older transaction is still
   * open becomes readable only once that transaction ends, and no notification says when.
   */
  readonly pollIntervalMs?: number;
  /** Events read at most per batch (default 100). */
  readonly batchSize?: number;
}

/**
 * Follows the inventory's event log for watchers: each follower reads in commit-safe order
 * from its own position, yields every batch it finds, and waits for the next append when it
 * has caught up. One LISTEN connection wakes every follower.
 */
export class LogFollower {
  private readonly sleepers = new Set<() => void>();
  private readonly closing = new AbortController();
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;

  private listener: NotificationListener | undefined;

  private constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    options: LogFollowerOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.batchSize = options.batchSize ?? 100;
  }

  static async start(options: LogFollowerOptions): Promise<LogFollower> {
    const follower = new LogFollower(options.store, options);
    if (options.notifications !== undefined) {
      const { connectionString, channel, onError } = options.notifications;
      follower.listener = await listenForNotifications({
        connectionString,
        channel,
        onNotify: () => {
          follower.wakeAll();
        },
        ...(onError === undefined ? {} : { onError }),
      });
    }
    return follower;
  }

  /**
   * The log after `after`, batch by batch (never empty), then each new batch as appends commit,
   * until `signal` aborts or the follower closes. `LogRead.next` is where the next batch starts.
   */
  async *follow(after: LogPosition, signal: AbortSignal): AsyncGenerator<LogRead> {
    const stop = AbortSignal.any([signal, this.closing.signal]);
    const stopped = (): boolean => stop.aborted;
    let position = after;
    while (!stopped()) {
      const read = await this.store.readAll({ after: position, limit: this.batchSize });
      if (stopped()) return;
      if (read.events.length > 0) {
        yield read;
        position = read.next;
      }
      if (read.events.length < this.batchSize) await this.nextChange(stop);
    }
  }

  /** Ends every follow (their generators return) and stops listening. */
  async close(): Promise<void> {
    this.closing.abort();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Resolves on the next append notification, after the poll interval, or when stopped. */
  private nextChange(stop: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        stop.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      this.sleepers.add(wake);
      stop.addEventListener('abort', wake, { once: true });
      if (stop.aborted) wake();
    });
  }
}
