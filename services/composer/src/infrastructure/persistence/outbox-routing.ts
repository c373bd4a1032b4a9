import type { EnvelopeBeforeInsert, OutboxRouting } from '@tessera/event-store';

/** Where the composer publishes its events (attach and detach intents among them). */
export const composerTopic = 'tessera.composer.events.v1';

const intentTypes: readonly string[] = [
  'tessera.composer.v1.AttachRequested',
  'tessera.composer.v1.DetachRequested',
];

/**
 * Every composer event goes to the composer topic; attach and detach intents are keyed by their
 * host so that one host's intents reach its agent in the order they were decided
 * (attach-contract.md), the others by their composition's stream.
 */
export const composerOutboxRouting: OutboxRouting = {
  topicFor: () => composerTopic,
  keyFor: (event) => (intentTypes.includes(event.type) ? hostIdOf(event) : undefined),
};

function hostIdOf(event: EnvelopeBeforeInsert): string | undefined {
  const data = event.data;
  if (typeof data !== 'object' || data === null || !('hostId' in data)) {
    return undefined;
  }
  return typeof data.hostId === 'string' && data.hostId !== '' ? data.hostId : undefined;
}
