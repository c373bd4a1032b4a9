import { randomUUID } from 'node:crypto';
import type {
  DeliveredMessage,
  EventEnvelope,
  EventTransport,
  OutgoingMessage,
} from '@tessera/event-transport';
import {
  attachObservedData,
  detachObservedData,
  deviceAttachObservedType,
  deviceDetachObservedType,
  type Intent,
  intentOf,
} from './attach-messages.js';
import { CoalescingPublisher } from './coalescing-publisher.js';
import {
  assertValidBehaviour,
  decideAttach,
  decideDetach,
  type SimulatedBehaviour,
} from './simulated-decision.js';

/** Time as the responder sees it; tests may pass their own. */
export interface ResponderClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: ResponderClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SimulatedResponderOptions extends SimulatedBehaviour {
  readonly transport: EventTransport;
  /** Where the composer publishes intents (`tessera.composer.events.v1`). */
  readonly intentsTopic: string;
  /** Where fleet publishes observations (`tessera.fleet.events.v1`). */
  readonly observationsTopic: string;
  /** Consumer group; responders of one group share the hosts between them. */
  readonly group: string;
  readonly clock?: ResponderClock;
  /** How many answers are kept to repeat word for word on redelivery (default 10 000). */
  readonly rememberedAnswers?: number;
}

export interface ResponderCounters {
  /** Intent deliveries, repeats included. */
  readonly received: number;
  /** Devices attached and devices whose attach failed (an attach intent names several). */
  readonly attached: number;
  readonly failed: number;
  readonly detached: number;
  /** Deliveries of an intent already answered, answered again with the same observation. */
  readonly repeated: number;
  /** Other composer events on the intents topic. */
  readonly ignored: number;
}

export interface SimulatedResponder {
  counters(): ResponderCounters;
  /** Stops consuming; an answer already being simulated is published first. */
  stop(): Promise<void>;
}

/**
 * Stands in for fleet and the host agents: answers every attach and detach intent on the
 * intents topic with an observation on the observations topic, after a simulated latency.
 * Attaches fail at `failureRate` per device, detaches never. An attach intent of several devices
 * (V2) is answered with one observation of them all, once the slowest is attached; one of a
 * single device (V1) with a V1 observation. Answers are decided from the seed and the
 * intent (simulated-decision.ts); an intent delivered again (same event id) gets the very same
 * observation, event id included, while it is remembered, and the same outcome after that.
 * One host's intents are answered in order; different hosts' at the same time. The answers to
 * one host's intents of a delivered batch are published together, as an agent reports what it
 * did since its last report; hosts' answers ready while a publish is in flight go out together
 * in the next (CoalescingPublisher).
 */
export async function startSimulatedResponder(
  options: SimulatedResponderOptions,
): Promise<SimulatedResponder> {
  assertValidBehaviour(options);
  const clock = options.clock ?? systemClock;
  const answers = new RememberedAnswers(options.rememberedAnswers ?? 10_000);
  const counts = { received: 0, attached: 0, failed: 0, detached: 0, repeated: 0, ignored: 0 };
  const streamVersions = new Map<string, number>();
  let position = 0;
  const publisher = new CoalescingPublisher(options.transport, options.observationsTopic);

  const observationEnvelope = (
    cause: EventEnvelope,
    hostId: string,
    message: { readonly type: string; readonly schemaVersion: number; readonly data: unknown },
    observedAt: Date,
  ): EventEnvelope => {
    const streamVersion = (streamVersions.get(hostId) ?? 0) + 1;
    streamVersions.set(hostId, streamVersion);
    position += 1;
    return {
      id: randomUUID(),
      type: message.type,
      schemaVersion: message.schemaVersion,
      streamId: `agent-${hostId}`,
      streamVersion,
      position,
      recordedAt: observedAt.toISOString(),
      correlationId: cause.correlationId,
      causationId: cause.id,
      actor: `agent:${hostId}`,
      tenant: cause.tenant,
      data: message.data,
    };
  };

  /** The observation of `intent`, at its version, keyed by its host. */
  const reply = (
    cause: EventEnvelope,
    intent: Intent,
    type: string,
    data: unknown,
    observedAt: Date,
  ): OutgoingMessage => {
    const message = { type, schemaVersion: intent.schemaVersion, data };
    const envelope = observationEnvelope(cause, intent.hostId, message, observedAt);
    return { key: intent.hostId, envelope };
  };

  /** The agent works on an intent's devices side by side: it reports once the slowest is done. */
  const afterSlowest = async (decisions: readonly { readonly latencyMs: number }[]) => {
    await clock.sleep(Math.max(...decisions.map(({ latencyMs }) => latencyMs)));
    return clock.now();
  };

  const answer = async (cause: EventEnvelope, intent: Intent): Promise<OutgoingMessage> => {
    const receivedAt = clock.now();
    switch (intent.kind) {
      case 'attach': {
        const decisions = intent.devices.map((device) => ({
          intent: device,
          ...decideAttach(device, options, receivedAt),
        }));
        const observedAt = await afterSlowest(decisions);
        for (const { outcome } of decisions) counts[outcome] += 1;
        const data = attachObservedData(intent.schemaVersion, decisions, observedAt);
        return reply(cause, intent, deviceAttachObservedType, data, observedAt);
      }
      case 'detach': {
        const decisions = intent.devices.map((device) => ({
          intent: device,
          ...decideDetach(device, options),
        }));
        const observedAt = await afterSlowest(decisions);
        counts.detached += decisions.length;
        const data = detachObservedData(intent.schemaVersion, decisions, observedAt);
        return reply(cause, intent, deviceDetachObservedType, data, observedAt);
      }
    }
  };

  /** The answer to one delivered intent: remembered, new, or none (not an intent). */
  const answerTo = async ({ envelope }: DeliveredMessage): Promise<OutgoingMessage | undefined> => {
    const remembered = answers.get(envelope.id);
    if (remembered !== undefined) {
      counts.received += 1;
      counts.repeated += 1;
      return remembered;
    }
    const intent = intentOf(envelope);
    if (intent === undefined) {
      counts.ignored += 1;
      return undefined;
    }
    counts.received += 1;
    return answer(envelope, intent);
  };

  /** One host's intents of a batch, answered in order and published together (in order). */
  const answerHost = async (queue: readonly DeliveredMessage[]): Promise<void> => {
    const answered: { readonly causeId: string; readonly observation: OutgoingMessage }[] = [];
    for (const message of queue) {
      const observation = await answerTo(message);
      if (observation !== undefined) answered.push({ causeId: message.envelope.id, observation });
    }
    if (answered.length === 0) return;
    await publisher.publish(answered.map(({ observation }) => observation));
    for (const { causeId, observation } of answered) answers.remember(causeId, observation);
  };

  const subscription = await options.transport.subscribe({
    topic: options.intentsTopic,
    group: options.group,
    handleBatch: (messages) => perKey(messages, answerHost),
  });

  return {
    counters: () => ({ ...counts }),
    stop: () => subscription.stop(),
  };
}

/** Runs `handle` over each key's messages (in their order), the keys concurrently. */
async function perKey(
  messages: readonly DeliveredMessage[],
  handle: (queue: readonly DeliveredMessage[]) => Promise<void>,
): Promise<void> {
  const byKey = new Map<string, DeliveredMessage[]>();
  for (const message of messages) {
    const queue = byKey.get(message.key);
    if (queue === undefined) byKey.set(message.key, [message]);
    else queue.push(message);
  }
  await Promise.all([...byKey.values()].map(handle));
}

/** The latest answers by intent event id; the oldest is forgotten first. */
class RememberedAnswers {
  private readonly byIntentId = new Map<string, OutgoingMessage>();

  constructor(private readonly capacity: number) {}

  get(intentId: string): OutgoingMessage | undefined {
    return this.byIntentId.get(intentId);
  }

  remember(intentId: string, answer: OutgoingMessage): void {
    this.byIntentId.set(intentId, answer);
    if (this.byIntentId.size > this.capacity) {
      const oldest = this.byIntentId.keys().next();
      if (oldest.done !== true) this.byIntentId.delete(oldest.value);
    }
  }
}
