import type { EventTransport, Subscription } from '@tessera/event-transport';
import { withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import type { PoolIndex, PoolUpdate } from '../../application/pool/index.js';
import { type DeliveredItemEvent, inventoryEventOf } from './inventory-event-of.js';
import { composerPoolSchema } from './pool-migrations.js';
import { projectItemEvents } from './pool-projection.js';

/** The inventory's topic (services/inventory, inventory-storage.ts); versioned like every topic. */
export const inventoryTopic = 'tessera.inventory.events.v1';

/** The consumer group of one composer replica: every replica's index must see every event. */
export function inventoryPoolGroup(replica: string): string {
  return `tessera.composer.pool.${replica}`;
}

export interface InventoryPoolConsumerOptions {
  readonly pool: pg.Pool;
  /** The replica's in-memory pool; it gets every item a batch named, once the batch committed. */
  readonly poolIndex: PoolIndex;
  /** Names this replica's consumer group (`inventoryPoolGroup`), e.g. its ledger owner id. */
  readonly replica: string;
  readonly schema?: string;
  readonly topic?: string;
  readonly maxBatchSize?: number;
  /** Told what each batch changed in the index, once it is applied (e.g. to heal failed devices). */
  readonly onApplied?: (update: PoolUpdate, poolIndex: PoolIndex) => void;
}

/**
 * Feeds the inventory's item events to the composer's copy of the items (one transaction per
 * batch: states and idempotency markers together) and then to this replica's index. Other
 * events of the topic are acknowledged and ignored. Replicas share the copy and each follows
 * the topic in its own group, so that a fact another replica stored first still reaches this
 * replica's index (the stored state is what it applies).
 */
export function subscribeToInventoryPool(
  transport: EventTransport,
  options: InventoryPoolConsumerOptions,
): Promise<Subscription> {
  const schema = options.schema ?? composerPoolSchema;
  const topic = options.topic ?? inventoryTopic;
  return transport.subscribe({
    topic,
    group: inventoryPoolGroup(options.replica),
    ...(options.maxBatchSize !== undefined && { maxBatchSize: options.maxBatchSize }),
    handleBatch: async (messages) => {
      const events = messages
        .map((message) => inventoryEventOf(message.envelope))
        .filter((event): event is DeliveredItemEvent => event !== undefined);
      if (events.length === 0) return;
      const items = await withTransaction(options.pool, (client) =>
        projectItemEvents(client, schema, topic, events),
      );
      const update = options.poolIndex.applyItems(items);
      options.onApplied?.(update, options.poolIndex);
    },
  });
}
