import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../envelope.js';
import type {
  DeliveredMessage,
  EventTransport,
  MessageHandler,
  OutgoingMessage,
  Subscription,
  SubscriptionState,
} from '../port.js';

/** What an adapter's spec provides to the contract suite. */
export interface TransportContractFixture {
  /** A transport on the shared infrastructure; the suite closes it after each test. */
  createTransport(): Promise<EventTransport>;
  /** A name no other test uses, for topics and groups. */
  uniqueName(prefix: string): string;
  /** Cuts every consumer connection from outside (e.g. `pg_terminate_backend`). */
  breakConsumerConnections?(): Promise<void>;
  dispose(): Promise<void>;
}

/** What each contract test uses: fresh transports (closed after the test) and fresh names. */
export interface ContractContext {
  transport(): Promise<EventTransport>;
  uniqueName(prefix: string): string;
  fixture(): TransportContractFixture;
}

/** Generous: a Kafka consumer restart means leaving and re-joining the group. */
export const contractTestTimeoutMs = 120_000;

/** `items[index]`, failing the test when it is missing. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new Error(`expected an item at index ${index} of ${items.length}`);
  }
  return item;
}

/** Every wait in the suite ends: polls `condition` until it holds or `timeoutMs` passed. */
export async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    }
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The `sequence`-th event (1-based) of stream `key`. */
export function eventMessage(key: string, sequence: number, data: unknown = {}): OutgoingMessage {
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: 'ContractProbed',
    schemaVersion: 1,
    streamId: key,
    streamVersion: sequence,
    position: sequence,
    recordedAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    actor: 'contract-suite',
    tenant: null,
    data,
  };
  return { key, envelope, headers: { 'contract-sequence': String(sequence) } };
}

/** `perKey` events for each of `keys`, interleaved: k1#1, k2#1, …, k1#2, k2#2, … */
export function interleavedEvents(keys: readonly string[], perKey: number): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  for (let sequence = 1; sequence <= perKey; sequence += 1) {
    for (const key of keys) {
      messages.push(eventMessage(key, sequence));
    }
  }
  return messages;
}

export interface Delivery extends DeliveredMessage {
  readonly at: number;
}

/** Records deliveries; `react` may throw to fail the delivery after it was recorded. */
export class DeliveryRecorder {
  readonly deliveries: Delivery[] = [];

  handler(
    react: (message: DeliveredMessage, recorder: this) => void = () => undefined,
  ): MessageHandler {
    return (message) => {
      this.deliveries.push({ ...message, at: performance.now() });
      return Promise.resolve().then(() => {
        react(message, this);
      });
    };
  }

  /** How many times the event with `id` was delivered. */
  count(id: string): number {
    return this.deliveries.filter((delivery) => delivery.envelope.id === id).length;
  }

  distinctIds(): Set<string> {
    return new Set(this.deliveries.map((delivery) => delivery.envelope.id));
  }

  hasAll(messages: readonly OutgoingMessage[]): boolean {
    const seen = this.distinctIds();
    return messages.every((message) => seen.has(message.envelope.id));
  }
}

/**
 * Per-key order under at-least-once delivery: each key's deliveries start at its first event
 * and never skip ahead (a redelivery may go back and replay, never forward past a gap).
 * Returns the violations, empty when ordered.
 */
export function perKeyOrderViolations(deliveries: readonly DeliveredMessage[]): string[] {
  const lastByKey = new Map<string, number>();
  const violations: string[] = [];
  for (const { key, envelope } of deliveries) {
    const previous = lastByKey.get(key) ?? 0;
    if (envelope.streamVersion > previous + 1) {
      violations.push(`${key}: #${envelope.streamVersion} delivered right after #${previous}`);
    }
    lastByKey.set(key, envelope.streamVersion);
  }
  return violations;
}

/** Samples a subscription's state every millisecond, keeping each change. */
export function watchStates(subscription: Subscription): {
  states: SubscriptionState[];
  stop(): void;
} {
  const states: SubscriptionState[] = [subscription.status().state];
  const timer = setInterval(() => {
    const state = subscription.status().state;
    if (states.at(-1) !== state) {
      states.push(state);
    }
  }, 1);
  return {
    states,
    stop: () => {
      clearInterval(timer);
    },
  };
}

/**
 * Samples a subscription's status every millisecond and keeps the cause of each crash (restarts
 * are at least one restart backoff apart, so none is missed). A broker may crash a consumer for
 * reasons of its own (a coordinator still loading on a fresh broker); tests use this to prove
 * which crashes a message did or did not cause, rather than expecting no crash at all.
 */
export function watchCrashes(subscription: Subscription): { causes: string[]; stop(): void } {
  const causes: string[] = [];
  let seenRestarts = subscription.status().restarts;
  const timer = setInterval(() => {
    const { restarts, lastError } = subscription.status();
    if (restarts !== seenRestarts) {
      seenRestarts = restarts;
      causes.push(lastError ?? 'unknown');
    }
  }, 1);
  return {
    causes,
    stop: () => {
      clearInterval(timer);
    },
  };
}
