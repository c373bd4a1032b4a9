import type { FeedWakeups } from '../../application/ports/event-feed.js';

/**
 * Wakes the open event streams of this process when its feed consumer appended events. Streams
 * of other gateway replicas find them by polling (their consumer group member is elsewhere).
 */
export class FeedSignal implements FeedWakeups {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` on every notify until the returned function is called. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
