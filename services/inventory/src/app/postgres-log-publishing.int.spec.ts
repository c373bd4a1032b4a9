import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import { unary } from '@tessera/api-kit/test-support';
import { inventory } from '@tessera/contracts';
import {
  createPostgresLogTransport,
  type EventEnvelope,
  type PostgresLogTransport,
} from '@tessera/event-transport';
import { type HostFactsReported, parseItemEventType } from '@tessera/inventory-domain';
import { createPool } from '@tessera/postgres';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fleetTopic } from '../api/events/host-facts-consumer.js';
import { manifestOf } from '../api/grpc/test-support/snapshot-manifest.js';
import { inventoryTopic } from '../infrastructure/persistence/inventory-storage.js';
import { smallLab } from '../test-support/small-lab.js';
import { type RunningInventoryService, startInventoryService } from './inventory-app.js';

/** The relay, the log and the projections follow a command moments later (longer under load). */
const eventually = { timeout: 20_000, interval: 50 };

let database: TestDatabase;
let service: RunningInventoryService;
let client: inventory.InventoryServiceClient;
/** What a composer or fleet in the same database (standalone mode) would use. */
let pool: pg.Pool;
let transport: PostgresLogTransport;
const published: EventEnvelope[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'inventory_pglog' });
  service = await startInventoryService(
    {
      databaseUrl: database.url,
      grpcHost: '127.0.0.1',
      grpcPort: 0,
      kafkaBrokers: undefined,
      syncEnabled: false,
    },
    { logLevels: ['error'] },
  );
  client = new inventory.InventoryServiceClient(service.grpcUrl, credentials.createInsecure());
  pool = createPool({ connectionString: database.url, max: 4 });
  transport = createPostgresLogTransport({
    pool,
    connectionString: database.url,
    pollIntervalMs: 50,
  });
  await transport.subscribe({
    topic: inventoryTopic,
    group: 'composer-in-the-same-database',
    handler: ({ envelope }) => {
      published.push(envelope);
      return Promise.resolve();
    },
  });
}, 60_000);

afterAll(async () => {
  client.close();
  await transport.close();
  await service.close();
  await pool.end();
  await database.drop();
});

const importManifest = (request: inventory.ImportManifestRequest) =>
  unary<inventory.ImportManifestResponse>((m, cb) => client.importManifest(request, m, cb));
const getItem = (kind: inventory.ItemKind, id: string) =>
  unary<inventory.GetItemResponse>((m, cb) => client.getItem({ kind, id }, m, cb));

/** `<kind>:<fact> <stream>` of each event the subscription received, e.g. `device:Registered device-gpu-1`. */
const receivedFacts = (): string[] =>
  published.map((envelope) => {
    const type = parseItemEventType(envelope.type);
    return `${type?.kind ?? '?'}:${type?.fact ?? envelope.type} ${envelope.streamId}`;
  });

describe('the inventory without Kafka (standalone mode)', () => {
  it('publishes an imported item’s events to the Postgres log of its own database', async () => {
    const response = await importManifest({
      name: 'small-lab',
      text: stringify(manifestOf(smallLab())),
      format: inventory.ManifestFormat.MANIFEST_FORMAT_YAML,
    });
    expect(response.registered).toBe(8);

    await expect
      .poll(receivedFacts, eventually)
      .toEqual(
        expect.arrayContaining([
          'host:Registered host-host-1',
          'device:Registered device-gpu-1',
          'device:Registered device-gpu-2',
        ]),
      );
    const registered = published.find((envelope) => envelope.streamId === 'device-gpu-1');
    expect(registered?.data).toMatchObject({ spec: { id: 'gpu-1', kind: 'gpu' } });
    // At-least-once with an outbox: every event is published; none stays behind.
    await expect
      .poll(
        async () =>
          Number(
            (await pool.query<{ count: string }>('SELECT count(*) AS count FROM inventory.outbox'))
              .rows[0]?.count,
          ),
        eventually,
      )
      .toBe(0);
    expect(published.length).toBeGreaterThanOrEqual(8);
  });

  it('reads host agents’ reports from the same log', async () => {
    const report: HostFactsReported = {
      hostId: 'host-77',
      hostname: 'render-77',
      vendor: 'Dell',
      model: 'PowerEdge R760xa',
      serial: 'D77',
      cpuCores: 64,
      health: 'ok',
      devices: [],
      observedAt: new Date().toISOString(),
    };
    await transport.publish(fleetTopic, [
      {
        key: report.hostId,
        envelope: {
          id: randomUUID(),
          type: 'tessera.fleet.v1.HostFactsReported',
          schemaVersion: 1,
          streamId: `agent-${report.hostId}`,
          streamVersion: 1,
          position: 1,
          recordedAt: new Date().toISOString(),
          correlationId: randomUUID(),
          causationId: null,
          actor: `agent:${report.hostId}`,
          tenant: null,
          data: report,
        },
      },
    ]);
    await expect
      .poll(
        () =>
          getItem(inventory.ItemKind.ITEM_KIND_HOST, 'host-77').then(
            (response) => response.item?.id,
            () => undefined,
          ),
        eventually,
      )
      .toBe('host-77');
  });
});
