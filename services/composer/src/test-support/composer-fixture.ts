import { randomUUID } from 'node:crypto';
import { scheduler } from '@tessera/composer-domain';
import { createPool } from '@tessera/postgres';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import type { ComposeDeps } from '../application/compose/compose-deps.js';
import type { CommandContext } from '../application/ports/command-context.js';
import {
  type ComposerPersistence,
  composerLedgerSchema,
  composerRequestsSchema,
  composerStoreSchema,
  createComposerPersistence,
} from '../infrastructure/persistence/index.js';

/** A composer process against the fixture's database: its own pool, store and candidate index. */
export interface ComposerReplica {
  readonly persistence: ComposerPersistence;
  readonly index: scheduler.CandidateIndex;
  readonly deps: ComposeDeps;
}

export interface LedgerRow {
  readonly deviceId: string;
  readonly compositionId: string;
  readonly state: string;
  readonly owner: string;
}

export interface ComposerFixture {
  readonly database: TestDatabase;
  /** A replica over a lab whose index `lab()` builds (each replica gets its own index). */
  replica(owner: string, lab: () => scheduler.CandidateIndex): ComposerReplica;
  ledgerRows(): Promise<LedgerRow[]>;
  /** Rows of the composer's own tables, to show that nothing was stored. */
  storedCounts(): Promise<{ events: number; keys: number; allocations: number }>;
  close(): Promise<void>;
}

export const now = new Date('2025-12-28T10:00:00.000Z');

export function commandContext(actor = 'user:alice'): CommandContext {
  return { correlationId: randomUUID(), actor };
}

/** A database of its own with the composer's store, ledger and request tables migrated. */
export async function createComposerFixture(): Promise<ComposerFixture> {
  const database = await createTestDatabase({ prefix: 'composer' });
  const pools: pg.Pool[] = [];
  const stores: ComposerPersistence[] = [];
  const newPool = (): pg.Pool => {
    const pool = createPool({ connectionString: database.url, max: 8 });
    pools.push(pool);
    return pool;
  };
  const main = newPool();
  const setup = createComposerPersistence({ pool: main });
  stores.push(setup);
  await setup.migrate();
  const count = async (table: string): Promise<number> =>
    (await main.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;
  return {
    database,
    replica: (owner, lab) => {
      const persistence = createComposerPersistence({ pool: newPool() });
      stores.push(persistence);
      const index = lab();
      return {
        persistence,
        index,
        deps: {
          compositions: persistence.compositions,
          candidates: () => Promise.resolve(index),
          clock: { now: () => now },
          ids: { newId: randomUUID },
          owner,
        },
      };
    },
    ledgerRows: async () =>
      (
        await main.query<LedgerRow>(
          `SELECT device_id AS "deviceId", composition_id AS "compositionId", state, owner
             FROM ${composerLedgerSchema}.allocations ORDER BY device_id, composition_id`,
        )
      ).rows,
    storedCounts: async () => ({
      events: await count(`${composerStoreSchema}.events`),
      keys: await count(`${composerRequestsSchema}.idempotency_keys`),
      allocations: await count(`${composerLedgerSchema}.allocations`),
    }),
    close: async () => {
      for (const persistence of stores) await persistence.store.close();
      for (const pool of pools) await pool.end();
      await database.drop();
    },
  };
}

export function device(
  id: string,
  overrides: Partial<scheduler.DeviceRecord> = {},
): scheduler.DeviceRecord {
  return {
    id,
    kind: 'gpu',
    vendor: 'acme',
    model: 'A80',
    attributes: { memoryGiB: 80 },
    labels: {},
    health: 'ok',
    lifecycle: 'available',
    schedulable: true,
    maxCompositions: 1,
    enclosureId: 'e1',
    rackId: 'r1',
    siteId: 's1',
    ...overrides,
  };
}

export function host(id: string): scheduler.HostRecord {
  return {
    id,
    cores: 64,
    memoryGiB: 512,
    labels: {},
    rackId: 'r1',
    siteId: 's1',
    health: 'ok',
    lifecycle: 'available',
    schedulable: true,
  };
}

/**
 * Host h1 reaching `count` exclusive 80 GiB GPUs `<prefix>-00`, `<prefix>-01`, … through switch
 * sw1. Tests sharing a database give their pools distinct prefixes.
 */
export function gpuPool(count: number, prefix = 'gpu'): scheduler.CandidateIndex {
  const index = new scheduler.CandidateIndex();
  index.upsertHost(host('h1'));
  const ids = Array.from({ length: count }, (_, at) => `${prefix}-${String(at).padStart(2, '0')}`);
  for (const id of ids) index.upsertDevice(device(id));
  index.setRoutes(
    'h1',
    ids.map((deviceId) => ({ deviceId, hops: 1, switchPath: ['sw1'] })),
  );
  return index;
}

/**
 * Host h1 reaches GPUs g1, g2 (80 GiB) and g3 (40 GiB) through sw1 and NVMe drives n1..n3
 * through sw1 then sw2 (2 hops).
 */
export function smallLab(): scheduler.CandidateIndex {
  const index = new scheduler.CandidateIndex();
  index.upsertHost(host('h1'));
  for (const id of ['g1', 'g2']) index.upsertDevice(device(id));
  index.upsertDevice(device('g3', { attributes: { memoryGiB: 40 } }));
  for (const id of ['n1', 'n2', 'n3']) {
    index.upsertDevice(device(id, { kind: 'nvme', attributes: { capacityTB: 8 } }));
  }
  index.setRoutes('h1', [
    ...['g1', 'g2', 'g3'].map((deviceId) => ({ deviceId, hops: 1, switchPath: ['sw1'] })),
    ...['n1', 'n2', 'n3'].map((deviceId) => ({ deviceId, hops: 2, switchPath: ['sw1', 'sw2'] })),
  ]);
  return index;
}
