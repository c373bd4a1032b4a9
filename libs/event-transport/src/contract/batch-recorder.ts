import type { BatchHandler, DeliveredMessage, OutgoingMessage } from '../port.js';

/**
 * Records what a batch handler was given; `react` may throw to fail a batch after it was
 * recorded. `succeeded` counts, per event id, the batches that resolved with it: the handler's
 * effects.
 */
export class BatchRecorder {
  readonly batches: (readonly DeliveredMessage[])[] = [];
  readonly succeeded = new Map<string, number>();

  handleBatch(react: (batch: readonly DeliveredMessage[]) => void = () => undefined): BatchHandler {
    return (batch) => {
      this.batches.push(batch);
      return Promise.resolve().then(() => {
        react(batch);
        for (const message of batch) {
          const id = message.envelope.id;
          this.succeeded.set(id, (this.succeeded.get(id) ?? 0) + 1);
        }
      });
    };
  }

  /** Every message given to the handler, batch after batch (failed batches included). */
  deliveries(): DeliveredMessage[] {
    return this.batches.flat();
  }

  /** The batches that held the event with `id`. */
  batchesWith(id: string): (readonly DeliveredMessage[])[] {
    return this.batches.filter((batch) => batch.some((message) => message.envelope.id === id));
  }

  handledAll(messages: readonly OutgoingMessage[]): boolean {
    return messages.every((message) => this.succeeded.has(message.envelope.id));
  }
}
