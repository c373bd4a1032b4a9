import type { OutboxRouting } from '../outbox/outbox-writer.js';
import type { StoreTables } from '../tables.js';
import type { ExpectedVersion } from '../types.js';
import type { AppendMetadata, ValidatedEvent } from '../validation/validate-append.js';

/** One validated `append` call. */
export interface AppendPlan {
  readonly streamId: string;
  readonly events: readonly ValidatedEvent[];
  readonly expected: ExpectedVersion;
  readonly metadata: AppendMetadata;
}

export interface AppendTarget {
  readonly tables: StoreTables;
  readonly outbox: OutboxRouting | undefined;
  /**
   * NOTIFY the log's readers inside the append's transaction (delivered at its commit). Only for
   * appends joining a caller's transaction, whose commit the store cannot see: a NOTIFY makes
   * Postgres serialize the commits of every notifying transaction (a global lock held through the
   * commit's flush), which caps durable appends near 1,000/s. Appends in a transaction of their
   * own notify after committing instead (`CommitNotifier`).
   */
  readonly notifyInTransaction: boolean;
}
