import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningDistributed, startDistributed } from '@tessera/distributed';
import { databaseUrl, kafkaBrokers } from '@tessera/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type ApiClient, apiClient, eventually, tokenIssuer } from './test-support/api-client.js';
import { fuzzEveryWriteOperation } from './test-support/fuzzed-writes.js';
import { walkGuards } from './test-support/guard-walk.js';
import { followLeaseThroughItsWindow } from './test-support/lease-window.js';

/**
 * Distributed mode as `npm run distributed` runs it: the inventory, the composer, the simulated
 * agents and the gateway each in its own process (from the TypeScript sources, so no build is
 * needed), over the run's real Kafka broker and Postgres server, driven through the REST API.
 */

interface Composition {
  id: string;
  version: number;
  status: { phase: string; devices: { group: string; deviceIds: string[] }[] };
}

interface StreamedEvent {
  type: string;
  streamId: string;
  tenant?: string;
}

const databasePrefix = `tessera_e2e_dist_${randomBytes(4).toString('hex')}`;
const adminToken = `test-admin-distributed-${randomBytes(8).toString('hex')}`;
/** The processes' last lines, shown when a test fails. */
const recentLines: string[] = [];

let dataDir: string | undefined;
let running: RunningDistributed | undefined;
let admin: ApiClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tessera-distributed-'));
  running = await startDistributed({
    dataDir,
    kafkaBrokers: kafkaBrokers(),
    databaseUrl: databaseUrl(),
    databasePrefix,
    httpHost: '127.0.0.1',
    httpPort: 0,
    grpcPorts: { inventory: 0, composer: 0, gateway: 0 },
    adminToken,
    runFrom: 'source',
    env: process.env,
    colors: false,
    log: (part, line) => {
      recentLines.push(`${part} | ${line}`);
      if (recentLines.length > 300) recentLines.shift();
    },
  });
  admin = apiClient(running.httpUrl, adminToken);
}, 180_000);

afterAll(async () => {
  await running?.close();
  await dropDatabases(running);
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
}, 90_000);

async function dropDatabases(started: RunningDistributed | undefined): Promise<void> {
  if (started === undefined) return;
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    for (const name of Object.values(started.databases)) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

function showLogsOnFailure(): void {
  onTestFailed(() => {
    console.error(`the processes' last lines:\n${recentLines.join('\n')}`);
  });
}

function started(): RunningDistributed {
  if (running === undefined) throw new Error('distributed mode did not start');
  return running;
}

const renderServer = {
  spec: {
    name: 'render-distributed',
    tenant: 'finance',
    hostSelector: {},
    groups: [
      { name: 'gpus', kind: 'gpu', count: 2 },
      { name: 'disks', kind: 'nvme', count: 4 },
    ],
  },
};

async function compositionWhere(
  id: string,
  done: (composition: Composition) => boolean,
): Promise<Composition> {
  const answer = await eventually(
    () => admin.get(`/v1/compositions/${id}`),
    (read) => read.status === 200 && done(read.body as Composition),
    60_000,
  );
  return answer.body as Composition;
}

async function compositionEvents(id: string): Promise<StreamedEvent[]> {
  const response = await fetch(`${started().httpUrl}/v1/events?kind=composition&follow=false`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice('data: '.length)) as StreamedEvent)
    .filter((event) => event.streamId === `composition-${id}`);
}

describe('distributed mode', () => {
  it('runs over the given Kafka, one database per service, the demo lab imported', () => {
    const distributed = started();
    expect(distributed.kafkaBrokers).toEqual(kafkaBrokers());
    expect(distributed.databases).toEqual({
      inventory: `${databasePrefix}_inventory`,
      composer: `${databasePrefix}_composer`,
      gateway: `${databasePrefix}_gateway`,
    });
    expect(distributed.demoLab.kind).toBe('imported');
    expect(distributed.adminTokenSource).toBe('environment');
  });

  it('lists the GPUs, composes 2 GPUs and 4 NVMe drives, expands, and decomposes', async () => {
    showLogsOnFailure();
    const gpus = await admin.get('/v1/devices?kind=gpu');
    expect(gpus.status).toBe(200);
    expect((gpus.body as { items: unknown[] }).items.length).toBeGreaterThan(0);

    // The composer learns the lab from the inventory's events on Kafka: wait until it fits.
    await eventually(
      () => admin.post('/v1/compositions/preview', renderServer),
      (preview) => (preview.body as { outcome?: string } | undefined)?.outcome === 'Fits',
      60_000,
    );
    const created = await admin.post('/v1/compositions', renderServer);
    expect(created.status).toBe(202);
    const { id } = created.body as Composition;

    // Attach intents go to the simulated agents over Kafka, and their answers come back.
    const ready = await compositionWhere(id, (read) => read.status.phase === 'Ready');
    expect(ready.status.devices.map((group) => group.deviceIds.length).sort()).toEqual([2, 4]);

    const expanded = await admin.post(`/v1/compositions/${id}/expand`, {
      group: { name: 'more', kind: 'nvme', count: 1 },
    });
    expect(expanded.status).toBe(202);
    const grown = await compositionWhere(
      id,
      (read) => read.status.phase === 'Ready' && read.status.devices.length === 3,
    );
    expect(grown.status.devices.flatMap((group) => group.deviceIds)).toHaveLength(7);

    const decomposed = await admin.post(`/v1/compositions/${id}/decompose`, {});
    expect(decomposed.status).toBe(202);
    await compositionWhere(id, (read) => read.status.phase === 'Decomposed');

    // The gateway follows the composer's events on Kafka into its event stream.
    const events = await eventually(
      () => compositionEvents(id),
      (read) => read.some((event) => event.type.endsWith('.Decomposed')),
      30_000,
    );
    const types = events.map((event) => event.type.slice(event.type.lastIndexOf('.') + 1));
    expect(types).toEqual(expect.arrayContaining(['Requested', 'Ready', 'Expanded', 'Decomposed']));
    // Every event of the composition is the tenant's, as in standalone mode (events-api spec).
    expect(events.filter((event) => event.tenant !== 'finance').map((event) => event.type)).toEqual(
      [],
    );
  }, 150_000);

  it('previews with a why-not, admits and refuses leases, and keeps tenants apart', async () => {
    showLogsOnFailure();
    const why = await admin.post('/v1/compositions/preview', {
      spec: {
        name: 'too-big',
        tenant: 'finance',
        hostSelector: {},
        groups: [{ name: 'gpus', kind: 'gpu', count: 64 }],
      },
    });
    expect(why.body).toMatchObject({
      outcome: 'Unschedulable',
      unschedulableGroups: [{ group: 'gpus' }],
    });

    const inAMonth = (days: number) =>
      new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * 86_400_000).toISOString();
    const lease = (count: number) => ({
      tenant: 'finance',
      name: `quarter-end-${String(count)}`,
      count,
      start: inAMonth(30),
      end: inAMonth(36),
      spec: {
        hostSelector: {},
        groups: [
          { name: 'gpus', kind: 'gpu', count: 2 },
          { name: 'disks', kind: 'nvme', count: 4 },
        ],
      },
    });
    const admitted = await admin.post('/v1/leases', lease(8));
    expect(admitted.status).toBe(201);
    expect(admitted.body).toMatchObject({ status: { phase: 'Admitted' } });
    const refused = await admin.post('/v1/leases', lease(400));
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const issued = await admin.post('/v1/tokens', {
      name: 'distributed-research',
      grants: ['operator:research'],
    });
    const research = apiClient(running?.httpUrl ?? '', (issued.body as { secret: string }).secret);
    const leaseId = (admitted.body as { id: string }).id;
    expect((await research.get(`/v1/leases/${leaseId}`)).status).toBe(404);
    expect((await research.get('/v1/compositions?tenant=finance')).status).toBe(403);
  }, 120_000);

  it('composes the servers of a lease at its start, and decomposes them at its end', async () => {
    showLogsOnFailure();
    await followLeaseThroughItsWindow(started().httpUrl, admin);
  }, 150_000);

  it('guards every operation of the OpenAPI document: 401, 403 for a viewer writing, 403/404 across tenants', async () => {
    showLogsOnFailure();
    const walk = await walkGuards({
      baseUrl: started().httpUrl,
      clientWith: tokenIssuer(started().httpUrl, admin, 'distributed-guards'),
    });
    expect(walk.operations.length).toBeGreaterThan(10);
    expect(walk.openWithoutToken).toEqual([]);
    expect(walk.writableByViewer).toEqual([]);
    expect(walk.leakedToOtherTenant).toEqual([]);
  }, 120_000);

  it('answers bad input with problem+json naming the fields, and stores nothing', async () => {
    showLogsOnFailure();
    const bad = await admin.post('/v1/compositions', {
      spec: { name: 'bad', tenant: 'finance', groups: [{ name: 'g', kind: 'gpu', count: -1 }] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((bad.body as { errors: unknown[] }).errors)).toContain(
      'spec.groups[0].count',
    );
    // Every write operation of every endpoint family, with generated bodies.
    await fuzzEveryWriteOperation(started().httpUrl, admin, 12);
  }, 300_000);
});
