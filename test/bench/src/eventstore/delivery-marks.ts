import type { PublishedBatch } from '@tessera/event-store';
import { now } from '../core/timing.js';

/**
 * When each event passed each stage of the pipeline (monotonic ms, first time only: a
 * redelivery does not move a mark). Stages: the relay's publish was accepted by the transport,
 * the idempotent handler's effect ran, and the handler resolved (its transaction committed).
 */
export class DeliveryMarks {
  readonly published = new Map<string, number>();
  readonly handlerRan = new Map<string, number>();
  readonly handlerCommitted = new Map<string, number>();

  markPublished(batch: PublishedBatch): void {
    const at = now();
    for (const message of batch.messages) mark(this.published, message.envelope.id, at);
  }

  /** `at` defaults to now; the consumer process reports its marks converted to our clock. */
  markHandlerRan(eventId: string, at = now()): void {
    mark(this.handlerRan, eventId, at);
  }

  markHandlerCommitted(eventId: string, at = now()): void {
    mark(this.handlerCommitted, eventId, at);
  }

  allCommitted(ids: readonly string[]): boolean {
    return ids.every((id) => this.handlerCommitted.has(id));
  }
}

function mark(marks: Map<string, number>, id: string, at: number): void {
  if (!marks.has(id)) marks.set(id, at);
}
