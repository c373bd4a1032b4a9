import type { EventTransport, Subscription } from '@tessera/event-transport';
import { type HostFactsReported, hostFactsReportedType } from '@tessera/inventory-domain';
import type { ReconcileDeps } from '../../application/reconcile-snapshot/reconcile-snapshot.handler.js';
import { recordHostFacts } from '../../application/record-host-facts/record-host-facts.handler.js';

/** Fleet's topic; the inventory reads its host reports (see docs/agent-contract.md). */
export const fleetTopic = 'tessera.fleet.events.v1';
export const hostFactsConsumerGroup = 'tessera.inventory.host-facts';

/**
 * Feeds host agents' reports to the inventory. Other fleet events are acknowledged and ignored.
 * An invalid report fails every attempt and is dead-lettered by the transport, with the problems
 * in its headers; it never blocks the host's later reports.
 */
export function subscribeToHostFacts(
  transport: EventTransport,
  deps: ReconcileDeps,
  options: { readonly topic?: string; readonly group?: string } = {},
): Promise<Subscription> {
  return transport.subscribe({
    topic: options.topic ?? fleetTopic,
    group: options.group ?? hostFactsConsumerGroup,
    handler: async ({ envelope }) => {
      if (envelope.type !== hostFactsReportedType) return;
      await recordHostFacts(deps, envelope.data as HostFactsReported, {
        correlationId: envelope.correlationId,
        causationId: envelope.id,
        actor: envelope.actor,
      });
    },
  });
}
