/** One service event as the event stream shows it. */
export interface FeedEvent {
  readonly id: string;
  readonly type: string;
  /** What the event is about: the stream's kind (`composition`, `lease`, `device`, `host`, …). */
  readonly kind: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** The tenant the stream belongs to; undefined for what all tenants share (hardware). */
  readonly tenant: string | undefined;
  readonly actor: string;
  readonly recordedAt: string;
  readonly data: unknown;
}

/** A service event as it arrives, before the feed knows its stream's tenant. */
export interface ArrivingEvent extends Omit<FeedEvent, 'tenant'> {
  readonly topic: string;
  /** The envelope's tenant, when the service set it. */
  readonly tenant: string | undefined;
  /** The tenant the event's payload names (`tenant`, or `spec.tenant`), if any. */
  readonly payloadTenant: string | undefined;
  /** What every tenant may see (hardware, templates); otherwise only its tenant's callers. */
  readonly shared: boolean;
}

export interface FeedQuery {
  /** Events after this cursor; undefined from the start. */
  readonly after: string | undefined;
  /** Only these kinds; undefined for all. */
  readonly kinds: readonly string[] | undefined;
  /**
   * Only shared events and these tenants' ones; `all` for every tenant (who alone also sees
   * events of no known tenant that are not shared).
   */
  readonly tenants: readonly string[] | 'all';
  /** Leave out shared (tenant-less) events: the caller asked for one tenant's. */
  readonly tenantOnly: boolean;
  readonly limit: number;
}

export interface FeedEntry {
  /** Where the event is in the feed: the SSE id a client resumes from. */
  readonly cursor: string;
  readonly event: FeedEvent;
}

export interface EventFeed {
  /** Adds events (a repeated event id is ignored), learning their streams' tenants. */
  append(events: readonly ArrivingEvent[]): Promise<void>;
  /** Events after a cursor in the order they were added, never skipping a late commit. */
  read(query: FeedQuery): Promise<readonly FeedEntry[]>;
}

/** Wakes the readers of this process when the feed has new events; readers also poll. */
export interface FeedWakeups {
  /** Calls `listener` on every wake-up until the returned function is called. */
  listen(listener: () => void): () => void;
}
