import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Observable } from 'rxjs';

/**
 * An Observable of what `produce` yields, for a server-streaming handler. Unsubscribing (the
 * client cancelled, or the stream ended) aborts the signal `produce` was given. The next value is
 * only pulled once the call has drained what it holds, so a slow client slows the producer
 * instead of filling the server's memory.
 */
export function observeBatches<T>(
  call: Writable,
  produce: (signal: AbortSignal) => AsyncIterable<T>,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const stop = new AbortController();
    const pump = async (): Promise<void> => {
      for await (const value of produce(stop.signal)) {
        subscriber.next(value);
        if (call.writableNeedDrain) await drained(call, stop.signal);
      }
      subscriber.complete();
    };
    pump().catch((error: unknown) => {
      subscriber.error(error);
    });
    return () => {
      stop.abort();
    };
  });
}

async function drained(call: Writable, signal: AbortSignal): Promise<void> {
  try {
    await once(call, 'drain', { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
