import type { Queryable } from '@tessera/postgres';
import type { AppendManyEntry, AppendManyOptions, AppendResult } from '../types.js';
import {
  validateAppendMany,
  type AppendManyPlan,
  type ValidatedEntry,
} from '../validation/validate-append-many.js';
import { inAppendTransaction, type AppendDeps } from './append-events.js';
import type { AppendTarget } from './append-plan.js';
import { claimConflict } from './append.js';
import {
  advanceStreams,
  createStreams,
  findStoredEntries,
  insertEntryEvents,
  versionBefore,
} from './batch-statements.js';
import { resolveStoredEvents, type StoredMatch } from './stored-duplicates.js';

/**
 * Validates the whole call before touching the database, then appends every entry in the
 * caller's transaction (`options.client`) or in one of its own: all entries or none.
 */
export async function appendManyEvents(
  deps: AppendDeps,
  entries: readonly AppendManyEntry[],
  options: AppendManyOptions,
): Promise<readonly AppendResult[]> {
  const plan = validateAppendMany(entries, options, deps.maxPayloadBytes);
  return inAppendTransaction(deps.pool, options.client, (db) => {
    if (plan.entries.length === 0) return Promise.resolve([]);
    const append = (): Promise<AppendResult[]> => appendManyInTransaction(db, deps.target, plan);
    return options.client ? underSavepoint(db, append) : append();
  });
}

/**
 * A refusal can come after the claims of other entries were written. In its own transaction
 * the rollback undoes them; in the caller's, this savepoint does, so that the caller's
 * transaction stays as it was before the call: usable, for instance to append the refused
 * entries one by one, and never able to commit half a batch.
 */
async function underSavepoint<T>(db: Queryable, work: () => Promise<T>): Promise<T> {
  await db.query('SAVEPOINT tessera_append_many');
  try {
    const result = await work();
    await db.query('RELEASE SAVEPOINT tessera_append_many');
    return result;
  } catch (error) {
    // If even this fails, the connection is gone and the transaction with it: report the cause.
    await db.query('ROLLBACK TO SAVEPOINT tessera_append_many').catch(() => undefined);
    throw error;
  }
}

/**
 * The set-based form of the numeric path of `appendInTransaction`, with a constant number of
 * statements per call: look up every event id (an entry stored whole at its place is a retry and
 * returns its original result); claim the remaining streams (one insert for new streams, one
 * locked update for existing ones); look the refused entries up again, because the winner may
 * have been a concurrent retry of this same call, and throw `ConcurrencyError` for the first
 * entry that still conflicts (what was claimed is then rolled back: see `underSavepoint`);
 * insert all events and their outbox rows in one statement.
 */
async function appendManyInTransaction(
  db: Queryable,
  target: AppendTarget,
  plan: AppendManyPlan,
): Promise<AppendResult[]> {
  const { tables } = target;
  const results = resolveRetries(plan.entries, await findStoredEntries(db, tables, plan.entries));
  const fresh = plan.entries.filter((entry) => !results.has(entry.streamId));
  const refused = await claimStreams(db, target, fresh);
  if (refused.length > 0) {
    await settleRefusals(db, target, refused, results);
  }
  const toWrite = fresh.filter((entry) => !results.has(entry.streamId));
  if (toWrite.length > 0) {
    const envelopes = await insertEntryEvents(db, target, toWrite, plan.metadata);
    toWrite.forEach((entry, index) => {
      const events = envelopes[index] ?? [];
      results.set(entry.streamId, {
        streamId: entry.streamId,
        nextExpectedVersion: versionBefore(entry) + events.length,
        events,
        alreadyAppended: false,
      });
    });
  }
  return plan.entries.map((entry) => {
    const result = results.get(entry.streamId);
    if (!result) throw new Error(`appendMany has no result for stream ${entry.streamId}`);
    return result;
  });
}

/** The results of entries stored before (by stream id); throws on an id reused otherwise. */
function resolveRetries(
  entries: readonly ValidatedEntry[],
  stored: ReadonlyMap<string, readonly StoredMatch[]>,
): Map<string, AppendResult> {
  const results = new Map<string, AppendResult>();
  for (const entry of entries) {
    const rows = stored.get(entry.streamId);
    if (rows) {
      results.set(
        entry.streamId,
        resolveStoredEvents(entry.streamId, entry.events, entry.expected, rows),
      );
    }
  }
  return results;
}

/** Claims every entry's stream; returns the refused entries, in the caller's order. */
async function claimStreams(
  db: Queryable,
  target: AppendTarget,
  entries: readonly ValidatedEntry[],
): Promise<ValidatedEntry[]> {
  const creating = entries.filter((entry) => versionBefore(entry) === 0);
  const advancing = entries.filter((entry) => versionBefore(entry) > 0);
  const created = await createStreams(db, target.tables, creating);
  const advanced = await advanceStreams(db, target.tables, advancing);
  return entries.filter((entry) => !created.has(entry.streamId) && !advanced.has(entry.streamId));
}

/**
 * Refused claims wrote nothing. Entries that a concurrent identical call stored meanwhile get its
 * result; the first refused entry (in the caller's order) that is not such a retry ends the
 * call with `ConcurrencyError` naming its stream, or `DuplicateEventIdError` for a reused id.
 */
async function settleRefusals(
  db: Queryable,
  target: AppendTarget,
  refused: readonly ValidatedEntry[],
  results: Map<string, AppendResult>,
): Promise<void> {
  const stored = await findStoredEntries(db, target.tables, refused);
  for (const entry of refused) {
    const rows = stored.get(entry.streamId);
    if (!rows) throw await claimConflict(db, target.tables, entry.streamId, entry.expected);
    results.set(
      entry.streamId,
      resolveStoredEvents(entry.streamId, entry.events, entry.expected, rows),
    );
  }
}
