import type { Logger } from '@tessera/event-transport';
import type pg from 'pg';

/**
 * Wakes the log's readers (subscriptions, projections, the outbox relay) after appends commit,
 * with a NOTIFY of its own outside the appends' transactions, so that appends never serialize on
 * Postgres's notify lock. Coalesced: at most one NOTIFY in flight and one more queued, however
 * many appends commit meanwhile; a reader woken once reads everything committed up to then. A
 * NOTIFY that fails (or a process that dies before sending it) costs latency, never events:
 * readers also poll.
 */
export class CommitNotifier {
  private pending = false;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  /** Call after a commit that stored events. */
  poke(): void {
    this.pending = true;
    this.draining ??= this.drain();
  }

  /** Resolves once every poke so far has been sent (or has failed). */
  async flushed(): Promise<void> {
    await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      this.pending = false;
      try {
        await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']);
      } catch (error) {
        this.logger.warn('could not notify the log readers; they will poll', {
          channel: this.channel,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    this.draining = undefined;
  }
}
