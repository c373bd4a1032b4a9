import { createPostgresLogTransport, type PostgresLogTransport } from '@tessera/event-transport';
import { createPool, withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestComposition } from '../../application/compose/request-composition.handler.js';
import { loadPoolIndex } from '../../application/pool/index.js';
import {
  commandContext,
  type ComposerFixture,
  createComposerFixture,
} from '../../test-support/composer-fixture.js';
import {
  indexView,
  itemEvent,
  smallLabEvents,
  starFabric,
} from '../../test-support/pool-fixture.js';
import { InventoryPublisher } from '../../test-support/inventory-publisher.js';
import { inventoryTopic } from './inventory-pool-consumer.js';
import { LedgerUsageSync } from './ledger-usage-sync.js';
import { PostgresPoolItems } from './postgres-pool-items.js';
import { type RunningPool, startPool } from './start-pool.js';

const deviceIds = ['g1', 'g2', 'g3', 'n1', 'n2', 'l1'];

let fixture: ComposerFixture;
let pool: pg.Pool;
let transport: PostgresLogTransport;
let publisher: InventoryPublisher;
let live: RunningPool;

beforeAll(async () => {
  fixture = await createComposerFixture();
  pool = createPool({ connectionString: fixture.database.url, max: 6 });
  transport = createPostgresLogTransport({
    pool,
    connectionString: fixture.database.url,
    pollIntervalMs: 50,
  });
  await transport.migrate();
  publisher = new InventoryPublisher(transport);
  live = await startPool({ pool, transport, replica: 'replica-a', ledger: { intervalMs: 60_000 } });
});

afterAll(async () => {
  await live.stop();
  await transport.close();
  await pool.end();
  await fixture.close();
});

async function appliedUpTo(position: number): Promise<void> {
  const items = new PostgresPoolItems(pool);
  await expect.poll(() => items.lastPosition(inventoryTopic), { timeout: 20_000 }).toBe(position);
}

describe('the composer pool fed by inventory events', () => {
  it('feeds the live index, and a fresh process rebuilds the same index from the projection', async () => {
    const registration = smallLabEvents();
    await publisher.publish(registration);
    const last = await publisher.publish([
      itemEvent('device', 'g2', { fact: 'Cordoned', reason: 'maintenance' }),
      itemEvent('device', 'n2', { fact: 'HealthSet', health: 'critical', reason: 'media errors' }),
      itemEvent('device', 'l1', { fact: 'Retired', reason: 'end of life' }),
      itemEvent('fabric', 'nvme-1', {
        fact: 'SpecUpdated',
        spec: starFabric('nvme-1', 'sw2', ['h1', 'h2'], ['n1', 'n2']),
      }),
    ]);
    // The relay delivering the registrations again changes nothing (g2 stays cordoned).
    await publisher.republish(publisher.published.slice(0, registration.length));
    await appliedUpTo(last);
    await expect
      .poll(() => live.index.device('g2')?.lifecycle, { timeout: 20_000 })
      .toBe('cordoned');

    const rebuilt = await loadPoolIndex(new PostgresPoolItems(pool));
    expect(indexView(rebuilt.index, deviceIds)).toEqual(indexView(live.index, deviceIds));
    expect(rebuilt.index.device('g2')?.lifecycle).toBe('cordoned');
    expect(rebuilt.index.device('l1')).toBeUndefined();
    expect(rebuilt.index.route('h1', 'n1')).toMatchObject({ fabricId: 'nvme-1', hops: 1 });
    expect(rebuilt.index.route('h3', 'n1')).toBeUndefined();
    const { rows } = await pool.query<{ version: string }>(
      `SELECT version FROM composer_pool.items WHERE kind = 'device' AND id = 'g2'`,
    );
    expect(rows.map((row) => Number(row.version))).toEqual([2]);
  });

  it('schedules a composition on reachable, healthy devices only, and syncs the ledger counts', async () => {
    const { deps } = fixture.replica('replica-a', () => live.index);
    const outcome = await requestComposition(
      deps,
      {
        spec: {
          name: 'pool-1',
          tenant: 'finance',
          host: { hostId: 'h1' },
          groups: [
            { name: 'gpus', kind: 'gpu', count: 2 },
            { name: 'scratch', kind: 'nvme', count: 1 },
          ],
        },
        idempotencyKey: 'pool-1',
        requestedBy: 'alice',
      },
      commandContext(),
    );
    expect(outcome).toMatchObject({
      status: 'scheduled',
      assignment: {
        hostId: 'h1',
        groups: [
          { group: 'gpus', deviceIds: ['g1', 'g3'] },
          { group: 'scratch', deviceIds: ['n1'] },
        ],
      },
    });
    for (const group of outcome.assignment?.groups ?? []) {
      for (const deviceId of group.deviceIds) {
        expect(live.index.route('h1', deviceId)).toBeDefined();
        expect(live.index.device(deviceId)).toMatchObject({ health: 'ok', lifecycle: 'available' });
      }
    }
    // The schedule names the fabric of each chosen route, for the attach intents.
    const { rows: scheduled } = await pool.query<{ data: { fabrics?: Record<string, string> } }>(
      `SELECT data FROM composer.events
        WHERE stream_id = $1 AND type = 'tessera.composer.v1.Scheduled'`,
      [`composition-${outcome.compositionId}`],
    );
    expect(scheduled[0]?.data.fabrics).toEqual(
      Object.fromEntries(
        ['g1', 'g3', 'n1'].map((id) => [id, live.index.route('h1', id)?.fabricId ?? 'none']),
      ),
    );

    const other = await loadPoolIndex(new PostgresPoolItems(pool));
    const sync = new LedgerUsageSync({ pool, index: other.index });
    await sync.start();
    expect(['g1', 'g3', 'n1', 'g2'].map((id) => other.index.allocationsOf(id))).toEqual([
      1, 1, 1, 0,
    ]);
    await sync.stop();
  });

  it('counts a device promised to a lease that has not ended as full, and frees it after', async () => {
    const { persistence } = fixture.replica('replica-a', () => live.index);
    const other = await loadPoolIndex(new PostgresPoolItems(pool));
    const sync = new LedgerUsageSync({ pool, index: other.index });
    const hold = (leaseId: string, endsAt: Date) =>
      withTransaction(pool, (tx) =>
        persistence.ledger.leaseHolds.hold(tx, {
          leaseId,
          startsAt: new Date(endsAt.getTime() - 3_600_000),
          endsAt,
          devices: [{ deviceId: 'g2', maxCompositions: 1, kind: 'gpu' }],
        }),
      );
    await hold('lease-over', new Date(Date.now() - 60_000));
    await sync.start();
    expect(other.index.allocationsOf('g2')).toBe(0);

    await hold('lease-ahead', new Date(Date.now() + 86_400_000));
    await sync.refresh();
    expect(other.index.allocationsOf('g2')).toBe(1);
    expect(other.index.withoutLeasePromises().allocationsOf('g2')).toBe(0);

    await withTransaction(pool, (tx) => persistence.ledger.leaseHolds.release(tx, 'lease-ahead'));
    await sync.refresh();
    expect(other.index.allocationsOf('g2')).toBe(0);
    await sync.stop();
  });

  it('applies later facts to the live index: a device that comes back is scheduled again', async () => {
    const last = await publisher.publish([
      itemEvent('device', 'g2', { fact: 'Uncordoned', reason: 'done' }),
    ]);
    await appliedUpTo(last);
    await expect
      .poll(() => live.index.device('g2')?.lifecycle, { timeout: 20_000 })
      .toBe('available');
    const rebuilt = await loadPoolIndex(new PostgresPoolItems(pool));
    const sync = new LedgerUsageSync({ pool, index: rebuilt.index });
    await sync.start();
    await live.usage.refresh();
    expect(indexView(rebuilt.index, deviceIds)).toEqual(indexView(live.index, deviceIds));
    expect(rebuilt.index.allocationsOf('g1')).toBe(1);
    await sync.stop();
  });
});
