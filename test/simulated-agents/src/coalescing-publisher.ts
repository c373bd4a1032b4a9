import type { EventTransport, OutgoingMessage } from '@tessera/event-transport';

interface Waiting {
  readonly messages: readonly OutgoingMessage[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Publishes to one topic, joining what is handed to it while a publish is in flight into the
 * next one: under load many hosts' answers go out in one publish (one transaction on the
 * Postgres log) instead of one each; alone, an answer goes out at once. Messages keep the
 * order they were handed in, so one host's answers stay in order. A failed publish fails every
 * caller whose messages it carried, and nothing of theirs is remembered as published.
 */
export class CoalescingPublisher {
  private waiting: Waiting[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly transport: EventTransport,
    private readonly topic: string,
  ) {}

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    const published = new Promise<void>((resolve, reject) => {
      this.waiting.push({ messages, resolve, reject });
    });
    this.flushing ??= this.flush();
    return published;
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.transport.publish(
          this.topic,
          batch.flatMap((waiting) => waiting.messages),
        );
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.flushing = undefined;
  }
}
