import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { credentials, status } from '@grpc/grpc-js';
import {
  failureOf,
  healthStatus,
  reflectionListServices,
  unary,
} from '@tessera/api-kit/test-support';
import { inventory } from '@tessera/contracts';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { startInventoryService, type RunningInventoryService } from '../../app/inventory-app.js';
import { inventoryStoreSchema } from '../../infrastructure/persistence/inventory-storage.js';
import { smallLab } from '../../test-support/small-lab.js';
import { manifestOf } from './test-support/snapshot-manifest.js';

const { ItemKind, DeviceKind, DeviceAttribute, ComparisonOperator, Lifecycle, ManifestFormat } =
  inventory;

/** Projections and watches follow the log moments behind a command (longer on a loaded machine). */
const eventually = { timeout: 15_000, interval: 50 };

let database: TestDatabase;
let service: RunningInventoryService;
let client: inventory.InventoryServiceClient;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'inventory_grpc' });
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
});

afterAll(async () => {
  client.close();
  await service.close();
  await database.drop();
});

const importManifest = (request: inventory.ImportManifestRequest) =>
  unary<inventory.ImportManifestResponse>((m, cb) => client.importManifest(request, m, cb));
const listDevices = (request: Partial<inventory.ListDevicesRequest>) =>
  unary<inventory.ListDevicesResponse>((m, cb) =>
    client.listDevices({ filterExpression: '', ...request }, m, cb),
  );
const getItem = (kind: inventory.ItemKind, id: string) =>
  unary<inventory.GetItemResponse>((m, cb) => client.getItem({ kind, id }, m, cb));
const cordon = (id: string, headers: Record<string, string> = {}) =>
  unary<inventory.CordonItemResponse>(
    (m, cb) =>
      client.cordonItem({ kind: ItemKind.ITEM_KIND_DEVICE, id, reason: 'RMA 4711' }, m, cb),
    headers,
  );
const deviceIds = (response: inventory.ListDevicesResponse) =>
  response.devices.map((device) => device.id);

async function storedEvents(): Promise<number> {
  const connection = new pg.Client({ connectionString: database.url });
  await connection.connect();
  try {
    const { rows } = await connection.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${inventoryStoreSchema}.events`,
    );
    return Number(rows[0]?.count);
  } finally {
    await connection.end();
  }
}

describe('the inventory gRPC service', () => {
  it('answers the standard health check and lists InventoryService through reflection', async () => {
    await expect(healthStatus(service.grpcUrl, '')).resolves.toBe('SERVING');
    await expect(
      healthStatus(service.grpcUrl, 'tessera.inventory.v1.InventoryService'),
    ).resolves.toBe('SERVING');
    const services = await reflectionListServices(service.grpcUrl);
    expect(services).toContain('tessera.inventory.v1.InventoryService');
    expect(services).toContain('grpc.health.v1.Health');
  });

  it('imports a valid manifest and registers every item it declares', async () => {
    const response = await importManifest({
      name: 'small-lab',
      text: stringify(manifestOf(smallLab())),
      format: ManifestFormat.MANIFEST_FORMAT_YAML,
    });
    expect(response).toEqual({ registered: 8, updated: 0, unchanged: 0, missing: 0, refused: [] });
  });

  it('refuses an invalid manifest naming each problem by its path, and applies nothing', async () => {
    const valid = manifestOf(smallLab());
    const rack = valid.racks![0]!;
    const enclosure = rack.enclosures![0]!;
    const [gpu1, gpu2] = enclosure.devices!;
    const manifest = {
      ...valid,
      racks: [
        {
          ...rack,
          site: 'nowhere',
          enclosures: [
            {
              ...enclosure,
              devices: [{ ...gpu1, kind: 'gpus' }, gpu2, { id: 'gpu-new', kind: 'gpu' }],
            },
          ],
        },
      ],
    };
    const before = await storedEvents();

    const { error, detail } = await failureOf(
      importManifest({
        name: 'broken-lab',
        text: JSON.stringify(manifest),
        format: ManifestFormat.MANIFEST_FORMAT_JSON,
      }),
    );

    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(detail?.code).toBe('MANIFEST_INVALID');
    const fields = detail?.fieldViolations.map((violation) => violation.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'racks[0].site',
        'racks[0].enclosures[0].devices[0].kind',
        'racks[0].enclosures[0].devices[2].vendor',
      ]),
    );
    expect(await storedEvents()).toBe(before);
  });

  it('lists devices by a structured filter and by a filter expression, page by page', async () => {
    await vi.waitFor(async () => {
      expect(deviceIds(await listDevices({}))).toEqual(['gpu-1', 'gpu-2', 'nvme-local-1']);
    }, eventually);
    const bigGpus = await listDevices({
      filter: {
        kinds: [DeviceKind.DEVICE_KIND_GPU],
        attributes: [
          {
            attribute: DeviceAttribute.DEVICE_ATTRIBUTE_MEMORY_GIB,
            operator: ComparisonOperator.COMPARISON_OPERATOR_GREATER_OR_EQUAL,
            value: 80,
          },
        ],
        labels: {},
        health: [],
        lifecycle: [],
      },
    });
    expect(deviceIds(bigGpus)).toEqual(['gpu-1', 'gpu-2']);
    expect(bigGpus.devices[0]?.device).toMatchObject({
      kind: DeviceKind.DEVICE_KIND_GPU,
      attributes: { memoryGib: 80, pcieLanes: 16 },
      attachments: [{ fabricId: 'pcie-1', endpointId: 'ep-gpu-1' }],
    });
    const drives = await listDevices({ filterExpression: 'kind=nvme, capacityTB>7' });
    expect(deviceIds(drives)).toEqual(['nvme-local-1']);

    const first = await listDevices({ page: { pageSize: 2, pageToken: '' } });
    expect(deviceIds(first)).toEqual(['gpu-1', 'gpu-2']);
    expect(first.page?.nextPageToken).not.toBe('');
    const second = await listDevices({
      page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' },
    });
    expect(deviceIds(second)).toEqual(['nvme-local-1']);
    expect(second.page?.nextPageToken).toBe('');
  });

  it('refuses a bad filter with INVALID_ARGUMENT naming the field', async () => {
    const expression = await failureOf(listDevices({ filterExpression: 'memoryGB>8' }));
    expect(expression.error.code).toBe(status.INVALID_ARGUMENT);
    expect(expression.detail?.fieldViolations).toEqual([
      expect.objectContaining({ field: 'filter_expression' }),
    ]);

    const structured = await failureOf(
      listDevices({
        filter: {
          kinds: [DeviceKind.DEVICE_KIND_UNSPECIFIED],
          attributes: [],
          labels: {},
          health: [],
          lifecycle: [],
        },
        page: { pageSize: -1, pageToken: 'not-a-token' },
      }),
    );
    expect(structured.error.code).toBe(status.INVALID_ARGUMENT);
    expect(structured.detail?.fieldViolations.map((violation) => violation.field)).toEqual([
      'filter.kinds[0]',
    ]);
  });

  it('answers an unknown item with NOT_FOUND and the error code in its trailers', async () => {
    const { error, detail } = await failureOf(getItem(ItemKind.ITEM_KIND_DEVICE, 'gpu-404'));
    expect(error.code).toBe(status.NOT_FOUND);
    expect(detail?.code).toBe('INVENTORY_ITEM_NOT_FOUND');
  });

  it('cordons a device, which reads back as cordoned once the projection has it', async () => {
    await expect(cordon('gpu-2')).resolves.toEqual({ appendedEvents: 1, itemVersion: 2 });
    await expect(cordon('gpu-2')).resolves.toEqual({ appendedEvents: 0, itemVersion: 2 });
    await vi.waitFor(async () => {
      const { item } = await getItem(ItemKind.ITEM_KIND_DEVICE, 'gpu-2');
      expect(item).toMatchObject({
        lifecycle: Lifecycle.LIFECYCLE_CORDONED,
        cordonReason: 'RMA 4711',
        schedulable: false,
        version: 2,
      });
    }, eventually);
  });

  it('lists the devices a host reaches, nearest first', async () => {
    const { routes } = await unary<inventory.ListReachableDevicesResponse>((m, cb) =>
      client.listReachableDevices({ hostId: 'host-1' }, m, cb),
    );
    expect(routes.map((route) => [route.deviceId, route.fabricId])).toEqual([
      ['nvme-local-1', 'local'],
      ['gpu-1', 'pcie-1'],
      ['gpu-2', 'pcie-1'],
    ]);
  });

  it('streams the log from the start, then each later event as it is recorded', async () => {
    const changes: inventory.InventoryChange[] = [];
    let resumePosition = '';
    const stream = client.watchChanges({ afterPosition: '' });
    stream.on('data', (response: inventory.WatchChangesResponse) => {
      changes.push(...response.changes);
      resumePosition = response.resumePosition;
    });
    const ended = new Promise<number | undefined>((resolve) => {
      stream.on('error', (error: { code?: number }) => {
        resolve(error.code);
      });
    });

    await vi.waitFor(() => {
      expect(changes.filter((change) => change.type.endsWith('Registered'))).toHaveLength(8);
      expect(changes.at(-1)?.type).toBe('tessera.inventory.v1.DeviceCordoned');
    }, eventually);
    const correlationId = randomUUID();
    await cordon('gpu-1', { 'x-actor': 'user:alice', 'x-correlation-id': correlationId });
    await vi.waitFor(() => {
      expect(changes.at(-1)).toMatchObject({
        type: 'tessera.inventory.v1.DeviceCordoned',
        streamId: 'device-gpu-1',
        actor: 'user:alice',
        correlationId,
      });
    }, eventually);
    expect(JSON.parse(changes.at(-1)?.dataJson ?? '{}')).toEqual({
      id: 'gpu-1',
      reason: 'RMA 4711',
    });
    stream.cancel();
    await expect(ended).resolves.toBe(status.CANCELLED);

    const resumed: inventory.InventoryChange[] = [];
    const next = client.watchChanges({ afterPosition: resumePosition });
    next.on('data', (response: inventory.WatchChangesResponse) => {
      resumed.push(...response.changes);
    });
    next.on('error', () => undefined);
    await unary((m, cb) =>
      client.uncordonItem({ kind: ItemKind.ITEM_KIND_DEVICE, id: 'gpu-1', reason: 'fixed' }, m, cb),
    );
    await vi.waitFor(() => {
      expect(resumed.map((change) => change.type)).toEqual([
        'tessera.inventory.v1.DeviceUncordoned',
      ]);
    }, eventually);
    next.cancel();
  });

  it('refuses to change a retired item with FAILED_PRECONDITION', async () => {
    await unary((m, cb) =>
      client.retireItem(
        { kind: ItemKind.ITEM_KIND_DEVICE, id: 'nvme-local-1', reason: 'end of life' },
        m,
        cb,
      ),
    );
    const { error, detail } = await failureOf(cordon('nvme-local-1'));
    expect(error.code).toBe(status.FAILED_PRECONDITION);
    expect(detail?.code).toBe('INVENTORY_ITEM_RETIRED');
  });

  it('registers a Redfish source and reports a sync of an unreachable one', async () => {
    const invalid = await failureOf(
      unary((m, cb) =>
        client.registerSource({ id: 'bmc-1', url: 'ftp://bmc', intervalSeconds: 60 }, m, cb),
      ),
    );
    expect(invalid.detail?.fieldViolations.map((violation) => violation.field)).toEqual(['url']);
    await expect(
      unary((m, cb) =>
        client.registerSource(
          { id: 'bmc-1', url: 'http://127.0.0.1:9', intervalSeconds: 60 },
          m,
          cb,
        ),
      ),
    ).resolves.toEqual({ registered: true });
    const sync = await unary<inventory.SyncSourceResponse>((m, cb) =>
      client.syncSource({ id: 'bmc-1' }, m, cb),
    );
    expect(sync.outcome).toBe(inventory.SyncOutcome.SYNC_OUTCOME_UNREACHABLE);
    expect(sync.error).toMatch(/^REDFISH_/);
    const { sources } = await eventuallyListed(1);
    expect(sources).toEqual([
      expect.objectContaining({
        id: 'bmc-1',
        url: 'http://127.0.0.1:9',
        intervalSeconds: 60,
        answering: false,
        hasCredentials: false,
      }),
    ]);
    expect(sources[0]?.lastError).toMatch(/^REDFISH_/);
    const unknown = await failureOf(unary((m, cb) => client.syncSource({ id: 'bmc-404' }, m, cb)));
    expect(unknown.error.code).toBe(status.NOT_FOUND);
    expect(unknown.detail?.code).toBe('DISCOVERY_SOURCE_NOT_FOUND');
  });
});

/** ListSources once the sources projection shows `count` sources (it follows the log). */
async function eventuallyListed(count: number): Promise<inventory.ListSourcesResponse> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listed = await unary<inventory.ListSourcesResponse>((m, cb) =>
      client.listSources({}, m, cb),
    );
    const synced = listed.sources.filter((source) => !source.answering);
    if (synced.length >= count || Date.now() > deadline) return listed;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
