import type { EventTransport, Subscription } from '@tessera/event-transport';
import type { ComposeDeps } from '../../application/compose/compose-deps.js';
import { recordObservation } from '../../application/attach/index.js';
import { attachConsumerGroup, fleetTopic } from './attach-topics.js';
import { observationOf } from './observation-of.js';

/**
 * Consumes fleet's observations and records them. Translates and delegates only; the record is
 * idempotent, so at-least-once delivery has one effect. A failure propagates to the transport
 * (retries, then dead letter).
 */
export function subscribeToObservations(
  transport: EventTransport,
  deps: ComposeDeps,
): Promise<Subscription> {
  return transport.subscribe({
    topic: fleetTopic,
    group: attachConsumerGroup,
    handler: async ({ envelope }) => {
      const observation = observationOf(envelope);
      if (observation === undefined) {
        return;
      }
      await recordObservation(deps, observation, {
        correlationId: envelope.correlationId,
        causationId: envelope.id,
        actor: envelope.actor,
        ...(envelope.tenant === null ? {} : { tenant: envelope.tenant }),
      });
    },
  });
}
