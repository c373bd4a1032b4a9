import 'reflect-metadata';
import { composer } from '@tessera/contracts';
import { createPostgresLogTransport, type PostgresLogTransport } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposerCalls,
  composerCalls,
  gpuSpec,
} from '../api/grpc/test-support/composer-calls.js';
import { fleetTopic } from '../infrastructure/attach/index.js';
import { composerTopic } from '../infrastructure/persistence/index.js';
import { InventoryPublisher } from '../test-support/inventory-publisher.js';
import { itemEvent, smallLabEvents } from '../test-support/pool-fixture.js';
import { type RunningComposerService, startComposerService } from './composer-app.js';

const { CompositionPhase } = composer;

let database: TestDatabase;
let pool: pg.Pool;
let transport: PostgresLogTransport;
let publisher: InventoryPublisher;
let responder: SimulatedResponder;
let service: RunningComposerService;
let calls: ComposerCalls;

/** The composer process on the test's database; a restart resumes its consumer groups. */
function startService(): Promise<RunningComposerService> {
  return startComposerService(
    {
      databaseUrl: database.url,
      grpcHost: '127.0.0.1',
      grpcPort: 0,
      kafkaBrokers: undefined,
      ownerId: 'composer-fed-test',
    },
    { logLevels: ['error'] },
  );
}

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'composer_fed' });
  service = await startService();
  calls = composerCalls(service.grpcUrl);
  // The inventory and the fleet in standalone mode: the same database's Postgres log.
  pool = createPool({ connectionString: database.url, max: 4 });
  transport = createPostgresLogTransport({
    pool,
    connectionString: database.url,
    pollIntervalMs: 50,
  });
  publisher = new InventoryPublisher(transport);
  responder = await startSimulatedResponder({
    transport,
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 5, max: 20 },
    failureRate: 0,
    seed: 1,
  });
}, 60_000);

afterAll(async () => {
  await responder.stop();
  calls.close();
  await service.close();
  await transport.close();
  await pool.end();
  await database.drop();
});

const healingGpu = (): composer.CompositionSpec => ({
  ...gpuSpec('finance', 1),
  healing: { replaceFailed: true },
});

async function phaseOf(compositionId: string): Promise<composer.CompositionPhase | undefined> {
  return (await calls.get(compositionId)).composition?.status?.phase;
}

async function devicesOf(compositionId: string): Promise<string[]> {
  const { composition } = await calls.get(compositionId);
  return (composition?.status?.groups ?? []).flatMap((group) => group.deviceIds).sort();
}

describe('the composer process fed by the inventory', () => {
  it('knows no hardware before the inventory speaks, then composes on what it published', async () => {
    const before = await calls.preview({ spec: gpuSpec('finance', 1) });
    expect(before.outcome).not.toBe(composer.PreviewOutcome.PREVIEW_OUTCOME_FITS);

    await publisher.publish(smallLabEvents());
    await expect
      .poll(async () => (await calls.preview({ spec: gpuSpec('finance', 1) })).outcome, {
        timeout: 20_000,
      })
      .toBe(composer.PreviewOutcome.PREVIEW_OUTCOME_FITS);

    const created = await calls.create({ spec: healingGpu(), idempotencyKey: 'fed-1' });
    await expect
      .poll(() => phaseOf(created.compositionId), { timeout: 20_000 })
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
  }, 60_000);

  it('replaces a held device the inventory reports failed, and never offers it again', async () => {
    const created = await calls.create({ spec: healingGpu(), idempotencyKey: 'fed-heal' });
    await expect
      .poll(() => phaseOf(created.compositionId), { timeout: 20_000 })
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
    const [failing] = await devicesOf(created.compositionId);
    expect(failing).toBeDefined();

    await publisher.publish([
      itemEvent('device', failing ?? '', {
        fact: 'HealthSet',
        health: 'critical',
        reason: 'uncorrectable ECC errors',
      }),
    ]);
    await expect
      .poll(() => devicesOf(created.compositionId), { timeout: 30_000 })
      .not.toContain(failing);
    expect(await devicesOf(created.compositionId)).toHaveLength(1);
    expect(await phaseOf(created.compositionId)).toBe(CompositionPhase.COMPOSITION_PHASE_READY);
    const events = await pool.query<{ type: string }>(
      `SELECT type FROM composer.events
        WHERE stream_id = $1 ORDER BY stream_version`,
      [`composition-${created.compositionId}`],
    );
    expect(events.rows.map((row) => row.type)).toContain('tessera.composer.v1.DeviceReplaced');
  }, 60_000);

  it('heals a device that failed while no composer was running, once one starts', async () => {
    // Free the lab's devices the earlier tests hold, so that a replacement exists.
    for (const { compositionId } of (await calls.list({ tenant: 'finance' })).compositions) {
      await calls.decompose({ compositionId, reason: 'make room' });
      await expect
        .poll(() => phaseOf(compositionId), { timeout: 20_000 })
        .toBe(CompositionPhase.COMPOSITION_PHASE_DECOMPOSED);
    }
    const created = await calls.create({ spec: healingGpu(), idempotencyKey: 'fed-down' });
    await expect
      .poll(() => phaseOf(created.compositionId), { timeout: 20_000 })
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
    const [failing] = await devicesOf(created.compositionId);
    calls.close();
    await service.close();

    await publisher.publish([
      itemEvent('device', failing ?? '', {
        fact: 'HealthSet',
        health: 'critical',
        reason: 'failed while the composer was down',
      }),
    ]);
    service = await startService();
    calls = composerCalls(service.grpcUrl);
    await expect
      .poll(() => devicesOf(created.compositionId), { timeout: 30_000 })
      .not.toContain(failing);
    expect(await devicesOf(created.compositionId)).toHaveLength(1);
  }, 60_000);
});
