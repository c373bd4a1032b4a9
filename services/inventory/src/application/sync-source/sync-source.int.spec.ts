import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpRedfishReader } from '../../infrastructure/discovery/http-redfish-reader.js';
import { EventStoreSourceRepository } from '../../infrastructure/persistence/event-store-source-repository.js';
import { PostgresSourceCredentials } from '../../infrastructure/persistence/postgres-source-credentials.js';
import {
  type MockupServer,
  mockupPath,
  startMockupServer,
} from '../../infrastructure/redfish/test-support/mockup-server.js';
import {
  commandContext,
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { startSwitchableProxy, type SwitchableProxy } from '../../test-support/switchable-proxy.js';
import { InventoryQueries } from '../queries/inventory-queries.js';
import { registerSource } from '../register-source/register-source.handler.js';
import { removeSource } from '../remove-source/remove-source.handler.js';
import { syncSource } from './sync-source.handler.js';

const credentials = { username: 'admin', password: 'p4ssw0rd' };
let fixture: InventoryFixture;
let composability: MockupServer;
let constrained: MockupServer;
let proxy: SwitchableProxy;
let deps: Parameters<typeof syncSource>[0];
let queries: InventoryQueries;

beforeAll(async () => {
  fixture = await createInventoryFixture();
  composability = await startMockupServer(mockupPath('public-composability'), {
    requireAuth: credentials,
  });
  constrained = await startMockupServer(mockupPath('public-constrained-composition'), {
    requireAuth: credentials,
  });
  proxy = await startSwitchableProxy();
  deps = {
    ...fixture.persistence,
    sources: new EventStoreSourceRepository(fixture.persistence.store),
    credentials: new PostgresSourceCredentials(fixture.pool, 'inventory_views'),
    redfish: new HttpRedfishReader({ timeoutMs: 5_000 }),
  };
  queries = new InventoryQueries(fixture.persistence.readModel);
});
afterAll(async () => {
  await proxy.close();
  await composability.close();
  await constrained.close();
  await fixture.close();
});

const sync = async () => {
  const outcome = await syncSource(deps, { id: 'bmc-a' }, commandContext('system'));
  await fixture.rebuildViews();
  return outcome;
};
const redfishDevices = async () =>
  (await queries.listDevices({}, { limit: 1000 })).items.filter(
    (item) => item.source.kind === 'redfish',
  );

describe('syncing a Redfish source', () => {
  it('registers what the service reports, with its credentials, and nothing more the second time', async () => {
    proxy.forwardTo(composability.url);
    await registerSource(
      deps,
      { id: 'bmc-a', url: proxy.url, intervalSeconds: 60, ...credentials },
      commandContext(),
    );
    const first = await sync();
    expect(first.outcome).toBe('synced');
    const devices = await redfishDevices();
    // public-composability: 8 NVMe, 4 SSD, 3 NICs and 1 GPU (see the Redfish discovery spec).
    expect(devices).toHaveLength(16);
    expect(devices.every((device) => device.id.startsWith('bmc-a:/redfish/v1/'))).toBe(true);
    expect(first.outcome === 'synced' && first.result.registered).toBeGreaterThan(16);

    const second = await sync();
    expect(second).toMatchObject({
      outcome: 'synced',
      result: { registered: 0, updated: 0, missing: 0 },
    });
  });

  it('makes the devices of a service that stops answering unschedulable, not missing, until it answers', async () => {
    proxy.forwardTo(undefined);
    const down = await sync();
    expect(down.outcome).toBe('unreachable');
    expect(down.outcome === 'unreachable' && down.error).toMatch(/^REDFISH_UNREACHABLE: /);
    const devices = await redfishDevices();
    expect(devices.map((device) => device.lifecycle)).toEqual(devices.map(() => 'available'));
    expect(devices.every((device) => !device.schedulable)).toBe(true);
    expect(await fixture.rows('sources')).toMatchObject([{ id: 'bmc-a', answering: false }]);

    proxy.forwardTo(composability.url);
    expect(await sync()).toMatchObject({
      outcome: 'synced',
      result: { registered: 0, missing: 0 },
    });
    expect((await redfishDevices()).every((device) => device.schedulable)).toBe(true);
  });

  it('marks what a service no longer reports as missing', async () => {
    proxy.forwardTo(constrained.url);
    const changed = await sync();
    expect(changed.outcome === 'synced' && changed.result.missing).toBeGreaterThan(0);
    const lifecycles = new Set((await redfishDevices()).map((device) => device.lifecycle));
    expect(lifecycles).toContain('missing');
  });

  it('forgets the credentials and misses every item when the source is removed', async () => {
    await removeSource(deps, { id: 'bmc-a', reason: 'decommissioned' }, commandContext());
    await fixture.rebuildViews();
    expect(await deps.credentials.find('bmc-a')).toBeUndefined();
    expect(new Set((await redfishDevices()).map((device) => device.lifecycle))).toEqual(
      new Set(['missing']),
    );
    await expect(syncSource(deps, { id: 'bmc-a' }, commandContext())).rejects.toMatchObject({
      code: 'DISCOVERY_SOURCE_NOT_FOUND',
    });
  });
});
