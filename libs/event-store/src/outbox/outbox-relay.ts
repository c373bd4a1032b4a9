import { silentLogger, type EventTransport, type Logger } from '@tessera/event-transport';
import { listenForNotifications, LogTailer, type NotificationListener } from '@tessera/postgres';
import pg from 'pg';
import { validateLimit } from '../read.js';
import { storeTables, type StoreTables } from '../tables.js';
import { InterruptibleSleep } from '../util/interruptible-sleep.js';
import { OutboxPublisher, type PublishedBatch } from './outbox-publisher.js';

export interface OutboxRelayOptions {
  /** The relay opens its own connections: one holds the leadership lock and does the work. */
  readonly connectionString: string;
  readonly schema: string;
  readonly transport: EventTransport;
  /** Outbox rows read per round (default 100). */
  readonly batchSize?: number;
  /** Longest wait between polls when no append notification arrives (default 500 ms). */
  readonly idlePollMs?: number;
  /** How often a standby relay tries to take over, and the pause after a failure (default 1 s). */
  readonly retryMs?: number;
  /**
   * Test hook, awaited after the transport accepted a batch and BEFORE its outbox rows are
   * deleted. Killing the process here proves that unmarked messages are republished.
   */
  readonly onPublished?: (batch: PublishedBatch) => Promise<void>;
  /** Called when the relay becomes active (leader), standby or stopped. */
  readonly onRoleChange?: (role: OutboxRelayRole) => void;
  readonly logger?: Logger;
}

export type OutboxRelayRole = 'starting' | 'standby' | 'active' | 'stopped';

export interface OutboxRelayStatus {
  readonly role: OutboxRelayRole;
  readonly publishedMessages: number;
  /** Sessions that ended in an error (each is followed by a pause and a new attempt). */
  readonly failures: number;
  readonly lastError?: string;
}

/**
 * Publishes a schema's outbox through an `EventTransport`. Only one relay per schema is active:
 * it holds a session advisory lock on its dedicated connection, and reads and deletes outbox rows
 * on that same connection, so losing the connection ends both the leadership and the work. Other
 * relays stand by, trying the lock every `retryMs`, and take over when the leader dies. Failures
 * (transport or database) are logged and counted in `status()`, then the relay starts over: it
 * never stops on its own, and rows stay in the outbox until they are published.
 */
export class OutboxRelay {
  readonly finished: Promise<void>;
  private role: OutboxRelayRole = 'starting';
  private publishedMessages = 0;
  private failures = 0;
  private lastError: string | undefined;
  private stopping = false;
  private connectionError: Error | undefined;
  private tailer: LogTailer | undefined;
  private readonly pause = new InterruptibleSleep();
  private readonly tables: StoreTables;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly retryMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.tables = storeTables(options.schema);
    this.logger = options.logger ?? silentLogger;
    this.batchSize = validateLimit(options.batchSize, 'batchSize', 100);
    this.retryMs = options.retryMs ?? 1_000;
    this.finished = this.run();
  }

  status(): OutboxRelayStatus {
    return {
      role: this.role,
      publishedMessages: this.publishedMessages,
      failures: this.failures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Finishes the publish in hand, releases the lock and resolves when the relay has stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.tailer?.stop();
    await this.finished;
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    while (this.running()) {
      try {
        await this.serveSession();
      } catch (error) {
        this.failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.error('outbox relay session failed; starting over', {
          schema: this.options.schema,
          error: this.lastError,
        });
      }
      if (this.running()) {
        this.setRole('standby');
        await this.pause.sleep(this.retryMs);
      }
    }
    this.setRole('stopped');
  }

  /** One connection's life: wait for the lock, then publish until stopped or broken. */
  private async serveSession(): Promise<void> {
    this.connectionError = undefined;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `tessera-outbox-relay-${this.options.schema}`.slice(0, 63),
    });
    client.on('error', (error) => {
      this.connectionError = error;
      this.pause.interrupt();
      this.tailer?.wake();
    });
    try {
      await client.connect();
      while (!this.stopping && !(await this.tryLead(client))) {
        this.setRole('standby');
        await this.pause.sleep(this.retryMs);
      }
      if (this.stopping) return;
      this.setRole('active');
      await this.publishWhileLeading(client);
    } finally {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }

  private async tryLead(client: pg.Client): Promise<boolean> {
    if (this.connectionError) throw this.connectionError;
    const { rows } = await client.query<{ leading: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS leading',
      [`tessera.outbox-relay.${this.options.schema}`],
    );
    return rows[0]?.leading === true;
  }

  private async publishWhileLeading(client: pg.Client): Promise<void> {
    const publisher = new OutboxPublisher({
      db: client,
      tables: this.tables,
      transport: this.options.transport,
      batchSize: this.batchSize,
      onPublished: this.options.onPublished,
      onProgress: (count) => {
        this.publishedMessages += count;
      },
    });
    const tailer = new LogTailer({
      idlePollMs: this.options.idlePollMs ?? 500,
      pollOnce: () => {
        if (this.connectionError) throw this.connectionError;
        return publisher.publishNext();
      },
    });
    this.tailer = tailer;
    void tailer.finished.catch(() => undefined);
    let listener: NotificationListener | undefined;
    try {
      listener = await listenForNotifications({
        connectionString: this.options.connectionString,
        channel: this.tables.channel,
        onNotify: () => {
          tailer.wake();
        },
        onError: (error) => {
          this.logger.warn('outbox relay lost its notification connection', {
            error: error.message,
          });
        },
      });
      if (this.stopping) await tailer.stop();
      await tailer.finished;
    } finally {
      await tailer.stop();
      this.tailer = undefined;
      await listener?.close();
    }
  }

  /** A method, not a field read, because `stop()` flips it while the loop awaits. */
  private running(): boolean {
    return !this.stopping;
  }

  private setRole(role: OutboxRelayRole): void {
    if (this.role === role) return;
    this.role = role;
    this.logger.info(`outbox relay is ${role}`, { schema: this.options.schema });
    this.options.onRoleChange?.(role);
  }
}

/**
 * Starts a relay and returns it (call `stop()` to end it). Small on purpose, so a test can run
 * it in a child process with a real transport and kill that process inside `onPublished`.
 */
export function runOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  return new OutboxRelay(options);
}
