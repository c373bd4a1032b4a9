import type { OutgoingMessage } from '../port.js';

/**
 * Headers every adapter stamps on a published message, so that tools (and consumers that only
 * route) can read what a message is without parsing its envelope.
 */
export const eventHeaders = {
  type: 'tessera-event-type',
  id: 'tessera-event-id',
  correlationId: 'tessera-correlation-id',
} as const;

/** The headers a message is published with: the caller's, then the event headers. */
export function publishedHeaders(message: OutgoingMessage): Record<string, string> {
  return {
    ...message.headers,
    [eventHeaders.type]: message.envelope.type,
    [eventHeaders.id]: message.envelope.id,
    [eventHeaders.correlationId]: message.envelope.correlationId,
  };
}
