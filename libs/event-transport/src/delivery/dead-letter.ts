import type { DeliveredMessage, OutgoingMessage } from '../port.js';

/** Headers a dead-lettered message carries besides its original ones. */
export const deadLetterHeaders = {
  /** `<error name>: <message>` of the last failure. */
  error: 'tessera-dlq-error',
  /** How many times the handler was tried. */
  attempts: 'tessera-dlq-attempts',
  originalTopic: 'tessera-dlq-original-topic',
  /** The consumer group that gave up on the message. */
  group: 'tessera-dlq-consumer-group',
  /** When it was dead-lettered, ISO 8601 in UTC. */
  failedAt: 'tessera-dlq-failed-at',
} as const;

const maxErrorLength = 2_000;

export interface DeadLetterFacts {
  readonly error: string;
  readonly attempts: number;
  readonly group: string;
  readonly failedAt: Date;
}

/** Headers that say why, where from and when a message was dead-lettered. */
export function deadLetterHeadersFor(
  originalTopic: string,
  facts: DeadLetterFacts,
): Record<string, string> {
  return {
    [deadLetterHeaders.error]: facts.error.slice(0, maxErrorLength),
    [deadLetterHeaders.attempts]: String(facts.attempts),
    [deadLetterHeaders.originalTopic]: originalTopic,
    [deadLetterHeaders.group]: facts.group,
    [deadLetterHeaders.failedAt]: facts.failedAt.toISOString(),
  };
}

/** The original message (same key and envelope) with the dead-letter headers added. */
export function deadLetterMessage(
  message: Omit<DeliveredMessage, 'attempt'>,
  facts: DeadLetterFacts,
): OutgoingMessage {
  return {
    key: message.key,
    envelope: message.envelope,
    headers: { ...message.headers, ...deadLetterHeadersFor(message.topic, facts) },
  };
}
