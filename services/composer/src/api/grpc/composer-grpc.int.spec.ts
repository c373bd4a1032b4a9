import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { failureOf, healthStatus, reflectionListServices } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';
import { createPostgresLogTransport, type PostgresLogTransport } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedCandidateSourceProvider } from '../../app/candidate-source.js';
import { type RunningComposerService, startComposerService } from '../../app/composer-app.js';
import { fleetTopic } from '../../infrastructure/attach/index.js';
import { composerTopic } from '../../infrastructure/persistence/index.js';
import { smallLab } from '../../test-support/composer-fixture.js';
import { type ComposerCalls, composerCalls, gpuSpec } from './test-support/composer-calls.js';

const { CompositionPhase, PreviewOutcome } = composer;
/** Projections and the attach saga follow moments behind a command (longer on a loaded machine). */
const eventually = { timeout: 20_000, interval: 50 };

let database: TestDatabase;
let service: RunningComposerService;
let calls: ComposerCalls;
let pool: pg.Pool;
let fleet: PostgresLogTransport;
let responder: SimulatedResponder;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'composer_grpc' });
  service = await startComposerService(
    {
      databaseUrl: database.url,
      grpcHost: '127.0.0.1',
      grpcPort: 0,
      kafkaBrokers: undefined,
      ownerId: 'composer-grpc-test',
    },
    { logLevels: ['error'], candidates: fixedCandidateSourceProvider(smallLab()) },
  );
  calls = composerCalls(service.grpcUrl);
  pool = createPool({ connectionString: database.url, max: 4 });
  fleet = createPostgresLogTransport({ pool, connectionString: database.url, pollIntervalMs: 50 });
  responder = await startSimulatedResponder({
    transport: fleet,
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 5, max: 20 },
    failureRate: 0,
    seed: 1,
  });
});

afterAll(async () => {
  await responder.stop();
  await fleet.close();
  calls.close();
  await service.close();
  await pool.end();
  await database.drop();
});

const storedEvents = async (): Promise<number> =>
  (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM composer.events')).rows[0]?.n ??
  0;
const phaseOf = async (compositionId: string) =>
  (await calls.get(compositionId)).composition?.status?.phase;

describe('the composer gRPC service', () => {
  it('answers the standard health check and lists ComposerService through reflection', async () => {
    await expect(healthStatus(service.grpcUrl, '')).resolves.toBe('SERVING');
    await expect(
      healthStatus(service.grpcUrl, 'tessera.composer.v1.ComposerService'),
    ).resolves.toBe('SERVING');
    const services = await reflectionListServices(service.grpcUrl);
    expect(services).toContain('tessera.composer.v1.ComposerService');
    expect(services).toContain('grpc.health.v1.Health');
  });

  it('previews a spec that fits and one that does not, holding nothing', async () => {
    const fits = await calls.preview({ spec: gpuSpec('finance', 2) });
    expect(fits).toMatchObject({ outcome: PreviewOutcome.PREVIEW_OUTCOME_FITS, hostId: 'h1' });
    expect(fits.groups[0]?.deviceIds).toHaveLength(2);
    const tooMany = await calls.preview({ spec: gpuSpec('finance', 9) });
    expect(tooMany.outcome).toBe(PreviewOutcome.PREVIEW_OUTCOME_UNSCHEDULABLE);
    expect(tooMany.unschedulableGroups.map((group) => group.group)).toEqual(['gpus']);
    expect(await storedEvents()).toBe(0);
  });

  it('creates a composition that reaches ready, and answers a retry with the same one', async () => {
    const request = { spec: gpuSpec('finance', 1), idempotencyKey: 'create-1' };
    const created = await calls.create(request, { 'x-actor': 'user:alice' });
    expect(created.status).toMatchObject({
      phase: CompositionPhase.COMPOSITION_PHASE_ATTACHING,
      hostId: 'h1',
    });
    await expect
      .poll(() => phaseOf(created.compositionId), eventually)
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
    const { composition } = await calls.get(created.compositionId);
    expect(composition).toMatchObject({
      compositionId: created.compositionId,
      tenant: 'finance',
      spec: { name: 'trainer', hostId: 'h1', priority: 100 },
    });
    expect(composition?.status?.groups[0]?.deviceIds).toHaveLength(1);
    expect(composition?.version).toBeGreaterThan(3);

    const retried = await calls.create(request);
    expect(retried.compositionId).toBe(created.compositionId);
    const conflict = await failureOf(
      calls.create({ spec: gpuSpec('finance', 2), idempotencyKey: 'create-1' }),
    );
    expect(conflict.error.code).toBe(status.ALREADY_EXISTS);
    expect(conflict.detail?.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses a bad spec naming every bad field, and stores nothing', async () => {
    const before = await storedEvents();
    const spec = gpuSpec('finance', -1);
    const { error, detail } = await failureOf(
      calls.create({
        spec: {
          ...spec,
          hostId: undefined,
          hostSelector: { minCores: 0, labels: {} },
          groups: [{ ...spec.groups[0]!, kind: 'gpus' }],
        },
        idempotencyKey: 'bad-1',
      }),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(detail?.fieldViolations.map((violation) => violation.field).sort()).toEqual([
      'spec.groups[0].count',
      'spec.groups[0].kind',
      'spec.host_selector.min_cores',
    ]);
    const noKey = await failureOf(
      calls.create({ spec: gpuSpec('finance', 1), idempotencyKey: '' }),
    );
    expect(noKey.error.code).toBe(status.INVALID_ARGUMENT);
    expect(noKey.detail?.fieldViolations.map((violation) => violation.field)).toEqual([
      'idempotency_key',
    ]);
    const noSpec = await failureOf(calls.create({ idempotencyKey: 'bad-2' }));
    expect(noSpec.detail?.fieldViolations.map((violation) => violation.field)).toEqual(['spec']);
    expect(await storedEvents()).toBe(before);
  });

  it('reserves a preview choice, applies it by reservation id, and refuses a second apply', async () => {
    const held = await calls.reserve({ spec: gpuSpec('research', 1), holdSeconds: 60 });
    expect(held.outcome).toBe(PreviewOutcome.PREVIEW_OUTCOME_FITS);
    expect(held.reservationId).not.toBe('');
    expect(Date.parse(held.expiresAt ?? '')).toBeGreaterThan(Date.now());

    const applied = await calls.apply({
      reservationId: held.reservationId,
      idempotencyKey: 'apply-1',
    });
    expect(applied.status?.groups).toEqual(held.groups);
    await expect
      .poll(() => phaseOf(applied.compositionId), eventually)
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);

    const again = await failureOf(
      calls.apply({ reservationId: held.reservationId, idempotencyKey: 'apply-2' }),
    );
    expect(again.error.code).toBe(status.NOT_FOUND);
    expect(again.detail?.code).toBe('RESERVATION_NOT_FOUND');
    const badHold = await failureOf(
      calls.reserve({ spec: gpuSpec('research', 1), holdSeconds: 0 }),
    );
    expect(badHold.error.code).toBe(status.INVALID_ARGUMENT);
    expect(badHold.detail?.fieldViolations.map((violation) => violation.field)).toEqual([
      'hold_seconds',
    ]);
  });

  it('answers NOT_FOUND for an unknown composition', async () => {
    const { error, detail } = await failureOf(calls.get('0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4'));
    expect(error.code).toBe(status.NOT_FOUND);
    expect(detail?.code).toBe('COMPOSITION_NOT_FOUND');
  });

  it('lists compositions by tenant and phase, page by page', async () => {
    const failed = await calls.create({ spec: gpuSpec('finance', 9), idempotencyKey: 'list-1' });
    expect(failed.status?.phase).toBe(CompositionPhase.COMPOSITION_PHASE_FAILED);
    expect(failed.status?.reason).not.toBe('');
    // Lists are the projection's: wait until it has reached the new composition.
    await expect
      .poll(
        async () =>
          (await calls.list({ tenant: 'finance', page: { pageSize: 100, pageToken: '' } }))
            .compositions.length,
        eventually,
      )
      .toBe(2);

    const finance = await calls.list({ tenant: 'finance', page: { pageSize: 1, pageToken: '' } });
    expect(finance.compositions).toHaveLength(1);
    expect(finance.page?.nextPageToken).not.toBe('');
    const rest = await calls.list({
      tenant: 'finance',
      page: { pageSize: 1, pageToken: finance.page?.nextPageToken ?? '' },
    });
    expect(rest.page?.nextPageToken).toBe('');
    expect([...finance.compositions, ...rest.compositions].map((c) => c.tenant)).toEqual([
      'finance',
      'finance',
    ]);

    const failedOnly = await calls.list({ phase: CompositionPhase.COMPOSITION_PHASE_FAILED });
    expect(failedOnly.compositions.map((c) => c.compositionId)).toEqual([failed.compositionId]);
    const research = await calls.list({ tenant: 'research' });
    expect(research.compositions).toHaveLength(1);

    const bad = await failureOf(calls.list({ page: { pageSize: -1, pageToken: 'not-a-cursor' } }));
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.detail?.fieldViolations.map((violation) => violation.field).sort()).toEqual([
      'page.page_size',
      'page.page_token',
    ]);
  });
});
