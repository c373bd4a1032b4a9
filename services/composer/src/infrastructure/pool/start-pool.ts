import { type scheduler } from '@tessera/composer-domain';
import type { EventTransport, Subscription } from '@tessera/event-transport';
import { migrate } from '@tessera/postgres';
import type pg from 'pg';
import { loadPoolIndex, type PoolIndex } from '../../application/pool/index.js';
import {
  type InventoryPoolConsumerOptions,
  subscribeToInventoryPool,
} from './inventory-pool-consumer.js';
import { LedgerUsageSync, type LedgerUsageSyncOptions } from './ledger-usage-sync.js';
import { composerPoolSchema, poolMigrations } from './pool-migrations.js';
import { PostgresPoolItems } from './postgres-pool-items.js';

export interface StartPoolOptions {
  readonly pool: pg.Pool;
  readonly transport: EventTransport;
  /** This replica's id (its ledger owner): names its consumer group. */
  readonly replica: string;
  readonly schema?: string;
  readonly topic?: string;
  readonly ledger?: Pick<LedgerUsageSyncOptions, 'intervalMs' | 'ledgerSchema' | 'logger'>;
  readonly onApplied?: InventoryPoolConsumerOptions['onApplied'];
}

export interface RunningPool {
  readonly poolIndex: PoolIndex;
  readonly index: scheduler.CandidateIndex;
  readonly usage: LedgerUsageSync;
  readonly subscription: Subscription;
  stop(): Promise<void>;
}

export function migratePool(pool: pg.Pool, schema: string = composerPoolSchema): Promise<unknown> {
  return migrate(pool, schema, poolMigrations);
}

/**
 * A replica's pool at start: the index rebuilt from the composer's copy of the inventory's
 * items, its allocation counts read from the ledger, then kept current by the inventory's
 * events and the ledger sync. Migrates `composer_pool` first.
 */
export async function startPool(options: StartPoolOptions): Promise<RunningPool> {
  const schema = options.schema ?? composerPoolSchema;
  await migratePool(options.pool, schema);
  const poolIndex = await loadPoolIndex(new PostgresPoolItems(options.pool, schema));
  const usage = new LedgerUsageSync({
    ...options.ledger,
    pool: options.pool,
    index: poolIndex.index,
  });
  await usage.start();
  const subscription = await subscribeToInventoryPool(options.transport, {
    pool: options.pool,
    poolIndex,
    replica: options.replica,
    schema,
    ...(options.topic !== undefined && { topic: options.topic }),
    ...(options.onApplied !== undefined && { onApplied: options.onApplied }),
  });
  return {
    poolIndex,
    index: poolIndex.index,
    usage,
    subscription,
    stop: async () => {
      await subscription.stop();
      await usage.stop();
    },
  };
}
