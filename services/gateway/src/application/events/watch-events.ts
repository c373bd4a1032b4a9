import { decideAccess, type Principal, visibleTenants } from '../../domain/access.js';
import { roleNeededOnTenant } from '../access/access-denied-error.js';
import type { EventFeed, FeedEntry, FeedQuery, FeedWakeups } from '../ports/event-feed.js';

export interface WatchEvents {
  /** Only these kinds; undefined for every kind. */
  readonly kinds: readonly string[] | undefined;
  /** Only this tenant's events (no shared ones); undefined for every tenant the caller sees. */
  readonly tenant: string | undefined;
  /** Resume after this cursor; undefined from the first event. */
  readonly after: string | undefined;
}

export type VisibleEventsQuery = Omit<FeedQuery, 'limit'>;

const batchSize = 200;
const idlePollMs = 1_000;

/**
 * What the caller may read of the feed: the events of the tenants it holds a grant on and the
 * shared hardware's, or one tenant's only when it names one (and holds a grant on it, else
 * `AccessDeniedError`). Both public APIs' event streams read through this one rule.
 */
export function visibleEventsQuery(caller: Principal, request: WatchEvents): VisibleEventsQuery {
  const { tenant } = request;
  if (
    tenant !== undefined &&
    decideAccess(caller, { role: 'viewer', on: { tenant } }) !== 'allowed'
  ) {
    throw roleNeededOnTenant('viewer', tenant);
  }
  return {
    after: request.after,
    kinds: request.kinds,
    tenants: tenant === undefined ? visibleTenants(caller) : [tenant],
    tenantOnly: tenant !== undefined,
  };
}

/**
 * The events of `query`, oldest first. Without `follow`, it ends once it read what there is;
 * with it, it then yields new events as they are appended (woken by `wakeups`, else polled each
 * second) until `stop` aborts. The feed is read commit-safe, so nothing is skipped or repeated.
 */
export async function* readEvents(
  feed: EventFeed,
  wakeups: FeedWakeups,
  query: VisibleEventsQuery,
  options: { readonly follow: boolean; readonly stop: AbortSignal },
): AsyncGenerator<FeedEntry> {
  // A function, not the property: the reader may stop while this generator waits at a yield.
  const stopped = (): boolean => options.stop.aborted;
  let after = query.after;
  while (!stopped()) {
    const entries = await feed.read({ ...query, after, limit: batchSize });
    for (const entry of entries) {
      if (stopped()) return;
      yield entry;
      after = entry.cursor;
    }
    if (entries.length === batchSize) continue;
    if (!options.follow) return;
    await nextWakeup(wakeups, options.stop);
  }
}

/** Resolves on the next wake-up, after the idle poll interval, or when `stop` aborts. */
function nextWakeup(wakeups: FeedWakeups, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      stopListening();
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, idlePollMs);
    const stopListening = wakeups.listen(done);
    stop.addEventListener('abort', done, { once: true });
  });
}
