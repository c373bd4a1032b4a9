import type { LogPosition } from '@tessera/postgres';

/** During a long one-by-one pass (handlers backing off), save progress at least this often. */
const saveEveryMs = 1_000;

/**
 * The group offset of a consumer, saved in the background of delivery: once per polled batch
 * (or per batch-handler batch), and during a slow batch every `saveEveryMs`, instead of after
 * every message. A crash redelivers what was handled since the last save (at-least-once).
 */
export class PendingLogOffset {
  private pending: LogPosition | undefined;
  private lastSavedAt = Date.now();

  constructor(private readonly save: (position: LogPosition) => Promise<void>) {}

  /** Everything up to and including `position` was handled or dead-lettered. */
  handled(position: LogPosition): void {
    this.pending = position;
  }

  async saveIfDue(): Promise<void> {
    if (Date.now() - this.lastSavedAt >= saveEveryMs) {
      await this.saveNow();
    }
  }

  async saveNow(): Promise<void> {
    const position = this.pending;
    if (position === undefined) {
      return;
    }
    await this.save(position);
    if (this.pending === position) {
      this.pending = undefined;
    }
    this.lastSavedAt = Date.now();
  }
}
