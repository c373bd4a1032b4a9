import type { DeliveredMessage, EventTransport, Subscription } from '@tessera/event-transport';
import type { ComposeDeps } from '../../application/compose/compose-deps.js';
import { type AttachObservation, recordObservations } from '../../application/attach/index.js';
import type { CommandContext } from '../../application/ports/command-context.js';
import { attachConsumerGroup, fleetTopic } from './attach-topics.js';
import { observationOf } from './observation-of.js';

/** Compositions whose observations are recorded at the same time, within one batch. */
const parallelCompositions = 8;

interface CompositionObservations {
  readonly context: CommandContext;
  readonly observations: AttachObservation[];
}

/**
 * Consumes fleet's observations and records them. Translates and delegates only. A batch is
 * split by composition: each composition's observations are recorded in their order with one
 * load and one append, up to `parallelCompositions` compositions at a time (a slot freed takes
 * the next composition at once). Recording is idempotent, so a batch delivered again (or one
 * message at a time, after a failure) has one effect; a failure propagates to the transport
 * (retries, then dead letter).
 */
export function subscribeToObservations(
  transport: EventTransport,
  deps: ComposeDeps,
): Promise<Subscription> {
  return transport.subscribe({
    topic: fleetTopic,
    group: attachConsumerGroup,
    maxBatchSize: 200,
    handleBatch: async (messages) => {
      const pending = [...groupedByComposition(messages)].reverse();
      // A few recorders, each taking the next composition as soon as it is done with one. After
      // a failure they take no more, and the batch fails once all of them have stopped: none is
      // still recording when the transport delivers the batch again.
      let failed: { readonly error: unknown } | undefined;
      const recorder = async (): Promise<void> => {
        for (let next = pending.pop(); next !== undefined && !failed; next = pending.pop()) {
          const [compositionId, { context, observations }] = next;
          try {
            await recordObservations(deps, compositionId, observations, context);
          } catch (error) {
            failed ??= { error };
          }
        }
      };
      await Promise.all(Array.from({ length: parallelCompositions }, recorder));
      if (failed) throw failed.error;
    },
  });
}

function groupedByComposition(
  messages: readonly DeliveredMessage[],
): Map<string, CompositionObservations> {
  const groups = new Map<string, CompositionObservations>();
  for (const { envelope } of messages) {
    const observation = observationOf(envelope);
    if (observation === undefined) continue;
    const group = groups.get(observation.compositionId);
    if (group) {
      group.observations.push(observation);
      continue;
    }
    groups.set(observation.compositionId, {
      context: {
        correlationId: envelope.correlationId,
        causationId: envelope.id,
        actor: envelope.actor,
        ...(envelope.tenant === null ? {} : { tenant: envelope.tenant }),
      },
      observations: [observation],
    });
  }
  return groups;
}
