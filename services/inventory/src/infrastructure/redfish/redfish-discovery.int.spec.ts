import { createServer } from 'node:net';
import {
  computeReachability,
  type InventorySnapshot,
  mapRedfishToSnapshot,
  type RedfishResources,
} from '@tessera/inventory-domain';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlRedfishService } from './redfish-client.js';
import {
  RedfishHttpError,
  RedfishMalformedResponseError,
  RedfishTimeoutError,
  RedfishUnreachableError,
} from './redfish-errors.js';
import {
  type MockupServer,
  type MockupServerOptions,
  mockupPath,
  startMockupServer,
} from './test-support/mockup-server.js';

const servers: MockupServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(mockup: string, options?: MockupServerOptions): Promise<MockupServer> {
  const server = await startMockupServer(mockupPath(mockup), options);
  servers.push(server);
  return server;
}

async function crawlMockup(mockup: string): Promise<RedfishResources> {
  const server = await serve(mockup);
  return crawlRedfishService({ baseUrl: server.url, timeoutMs: 5_000 });
}

async function discover(mockup: string) {
  return mapRedfishToSnapshot(await crawlMockup(mockup), { sourceId: 'bmc' });
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  }, {});

/** What a mockup holds, in numbers. */
function inventoryOf(snapshot: InventorySnapshot) {
  return {
    devices: countBy(snapshot.devices, (device) => device.kind),
    hosts: snapshot.hosts.length,
    enclosures: countBy(snapshot.enclosures, (enclosure) => enclosure.kind),
    sitesAndRacks: [snapshot.sites.length, snapshot.racks.length],
    fabrics: snapshot.fabrics.map((fabric) => ({
      kind: fabric.kind,
      switches: fabric.switches.length,
      ports: fabric.switches.reduce((sum, each) => sum + each.ports.length, 0),
      endpoints: fabric.endpoints.length,
      links: fabric.links.length,
      zones: fabric.zones?.length ?? 0,
      connections: fabric.connections?.length ?? 0,
    })),
  };
}

const nvmeofFabric = 'bmc:/redfish/v1/Fabrics/NVMeoF';
const target1 = `${nvmeofFabric}/Endpoints/Target1`;
const jbofDrives = [1, 2, 3].map((n) => `bmc:/redfish/v1/Chassis/1/Drives/${n}`);

/** The NVMe-oF JBOF crawl plus a host system that its Initiator1 endpoint names. */
function withInitiator1Host(resources: RedfishResources): RedfishResources {
  const ref = (uri: string) => ({ '@odata.id': uri });
  const initiator1 = '/redfish/v1/Fabrics/NVMeoF/Endpoints/Initiator1';
  const patched = new Map(resources);
  patched.set('/redfish/v1/Systems', {
    ...ref('/redfish/v1/Systems'),
    Members: [ref('/redfish/v1/Systems/NVMeoF-SoC'), ref('/redfish/v1/Systems/host1')],
  });
  patched.set('/redfish/v1/Systems/host1', {
    ...ref('/redfish/v1/Systems/host1'),
    SystemType: 'Physical',
  });
  patched.set(initiator1, {
    ...(resources.get(initiator1) as object),
    ConnectedEntities: [
      {
        EntityType: 'ComputerSystem',
        EntityRole: 'Initiator',
        EntityLink: ref('/redfish/v1/Systems/host1'),
      },
    ],
  });
  return patched;
}

describe('Redfish discovery of the DMTF mockups', () => {
  it('public-composability: resource blocks, zones and composed systems', async () => {
    const { snapshot, warnings } = await discover('public-composability');

    expect(inventoryOf(snapshot)).toEqual({
      // nvme: DriveBlock3..6 and DriveBlock10 hold one NVMe drive each (5), and the Storage/NVMe of
      // SystemPreResourceBlock, SystemAfterResourceBlock, SystemAfterAddResourceAction one Drive0
      // each (3). The drives ComposedSystem(2) list are DriveBlock3/4 drives: counted once.
      // ssd: DriveBlock7's SimpleStorage Block7SASTray lists 4 Devices (no media type stated).
      // nic: ComputeBlock1 Block1OnboardNIC, NetworkBlock8 Block8Port0 and Block8Port1.
      // gpu: OffloadBlock9 Block9GPU (ProcessorType GPU). CPUs and DIMMs belong to hosts.
      devices: { nvme: 8, ssd: 4, nic: 3, gpu: 1 },
      // Systems lists 5 members (its Members@odata.count says 2); Systems/Capabilities is no member.
      hosts: 5,
      // 8 Chassis members: ComposableModule1/2 hold ComputeBlock1/2, Module3/4/7 hold drive
      // blocks, Module6 the GPU, Module5 two NICs and ComposableEnclosure no device.
      enclosures: { 'expansion-box': 2, 'compute-sled': 2, jbof: 3, 'gpu-chassis': 1 },
      sitesAndRacks: [1, 1],
      // No Fabrics: the CompositionService with ResourceZones 1, 2, 3. Endpoints: the 4 hosts
      // composed from a zoned compute block (ComposedSystem, ComposedSystem2 via ComputeBlock1/2;
      // SystemAfterResourceBlock, SystemAfterAddResourceAction via SystemBlock11/12) and the 12
      // devices of zoned pooled blocks (5 NVMe + 4 SAS + 2 NIC + 1 GPU); one switch port each.
      fabrics: [
        {
          kind: 'pcie',
          switches: 1,
          ports: 16,
          endpoints: 16,
          links: 16,
          zones: 3,
          connections: 0,
        },
      ],
    });
    expect(warnings).toContain(
      '/redfish/v1/Systems says it has 2 members but lists 5; using the list',
    );
    expect(warnings).toContain(
      '/redfish/v1/Chassis/ComposableModule7 calls itself /redfish/v1/Chassis/ComposableModule6; identified by the path it was read from',
    );
    const shared = snapshot.devices.find((device) =>
      device.id.endsWith('/DriveBlock3/Drives/Block3Slot0'),
    );
    expect(shared).toMatchObject({
      kind: 'nvme',
      maxCompositions: 8,
      attributes: { capacityTB: 0.275 },
    });
    expect(shared).not.toHaveProperty('hostId');
  });

  it('public-constrained-composition: the same blocks without system blocks', async () => {
    const { snapshot } = await discover('public-constrained-composition');

    expect(inventoryOf(snapshot)).toEqual({
      // nvme: DriveBlock3..6 list Drives/Slot0..3 (their Storage/BlockNNVMe lists the same drive).
      // ssd: DriveBlock7 Block7SASTray, 4 Devices. nic: Block1OnboardNIC, Block8Port0/1. gpu: Block9GPU.
      devices: { nvme: 4, ssd: 4, nic: 3, gpu: 1 },
      // Systems: ComposedSystem, ComposedSystem2 (ConstrainedCompositionCapabilities is no member).
      hosts: 2,
      // 7 Chassis members: no ComposableModule7 here.
      enclosures: { 'expansion-box': 2, 'compute-sled': 2, jbof: 2, 'gpu-chassis': 1 },
      sitesAndRacks: [1, 1],
      // ResourceZones 1 and 2: 2 hosts + 11 devices (4 NVMe, 4 SAS, 2 NIC, 1 GPU).
      fabrics: [
        {
          kind: 'pcie',
          switches: 1,
          ports: 13,
          endpoints: 13,
          links: 13,
          zones: 2,
          connections: 0,
        },
      ],
    });
  });

  it('public-cxl: a CXL switch, pooled type-1/2/3 devices, zones and connections', async () => {
    const { snapshot, warnings } = await discover('public-cxl');

    expect(inventoryOf(snapshot)).toEqual({
      // fpga: CXLType1 and PooledCXLType1 Processors/FPGA. gpu: CXLType2 and PooledCXLType2
      // Processors/GPU. cxl-memory: the MemoryChunks of the type-3 MemoryDomains (CXLType3 1/1,
      // PooledCXLType3 1/1 and 6/1); the type-2 GPUs' HBM chunks (CXLcache) are GPU memory.
      devices: { fpga: 2, gpu: 2, 'cxl-memory': 3 },
      hosts: 1,
      // CXL-Chassis holds CXL-System; CXLType1/2 and PooledCXLType1/2 hold an FPGA or a GPU;
      // CXLType3 and PooledCXLType3 hold memory.
      enclosures: { 'compute-sled': 1, 'gpu-chassis': 4, 'expansion-box': 2 },
      sitesAndRacks: [1, 1],
      // Switches/CXL/Ports lists 6 ports (U1, U2, D1..D4). Endpoints lists 9; "1" stands for the
      // switch itself and is skipped: I1..I3 (CXL-System), T1..T5. One cable per endpoint, from
      // the switch ports' ConnectedPorts. Zones 1..3; Connections lists 12 and 13 (14 is linked
      // from an endpoint but no member).
      fabrics: [
        { kind: 'cxl', switches: 1, ports: 6, endpoints: 8, links: 8, zones: 3, connections: 2 },
      ],
    });
    expect(warnings).toEqual([
      '/redfish/v1/Fabrics/CXL/Endpoints/1: no connected entity (Switch) is a host or device of this service; endpoint skipped',
    ]);
    expect(snapshot.hosts[0]?.attachments.map((attachment) => attachment.endpointId)).toEqual([
      'bmc:/redfish/v1/Fabrics/CXL/Endpoints/I1',
      'bmc:/redfish/v1/Fabrics/CXL/Endpoints/I2',
      'bmc:/redfish/v1/Fabrics/CXL/Endpoints/I3',
    ]);
  });

  it('public-nvmeof-jbof: a JBOF behind an NVMe-over-TCP target', async () => {
    const { snapshot, warnings } = await discover('public-nvmeof-jbof');

    expect(inventoryOf(snapshot)).toEqual({
      // Chassis/1/Drives has 3 members (NVMe); Chassis/1/NetworkAdapters has 1.
      devices: { nvme: 3, nic: 1 },
      // Systems/NVMeoF-SoC, SystemType Physical.
      hosts: 1,
      // Chassis/1, ChassisType StorageEnclosure.
      enclosures: { jbof: 1 },
      sitesAndRacks: [1, 1],
      // Endpoints lists Target1 (the adapter's NetworkDeviceFunction) and Initiator1/2, which name
      // no entity (remote hosts) and are skipped; the 3 Connections grant volumes to those, no
      // target endpoint. No switches: one implicit network switch.
      fabrics: [
        {
          kind: 'nvme-tcp',
          switches: 1,
          ports: 1,
          endpoints: 1,
          links: 1,
          zones: 0,
          connections: 0,
        },
      ],
    });
    // Target1 stands for the adapter and carries the NQN of Storage/NVMeoF, whose Drives are the
    // chassis' three: it serves them, and each drive is attached through it.
    expect(snapshot.fabrics[0]?.endpoints).toEqual([
      {
        id: target1,
        role: 'target',
        entity: { type: 'device', id: 'bmc:/redfish/v1/Chassis/1/NetworkAdapters/1' },
        servesDeviceIds: jbofDrives,
      },
    ]);
    expect(
      snapshot.devices.filter((device) => device.kind === 'nvme').map((d) => d.attachments),
    ).toEqual(jbofDrives.map(() => [{ fabricId: nvmeofFabric, endpointId: target1 }]));
    expect(warnings).toHaveLength(5);
  });

  it('public-nvmeof-jbof: a host that reaches the target reaches the three drives through it', async () => {
    const resources = await crawlMockup('public-nvmeof-jbof');
    const fabricRoutes = (snapshot: InventorySnapshot) =>
      [...computeReachability(snapshot).routes()].filter((r) => r.fabricId === nvmeofFabric);

    // as served, no host of the service initiates: Initiator1/2 name their hosts by NQN only
    expect(fabricRoutes(mapRedfishToSnapshot(resources, { sourceId: 'bmc' }).snapshot)).toEqual([]);

    // given the service also described Initiator1's host
    const { snapshot } = mapRedfishToSnapshot(withInitiator1Host(resources), { sourceId: 'bmc' });

    // then that host reaches the adapter and each drive through Target1, over the same path
    expect(
      fabricRoutes(snapshot).map((route) => [route.hostId, route.deviceId, route.switchPath]),
    ).toEqual(
      [...jbofDrives, 'bmc:/redfish/v1/Chassis/1/NetworkAdapters/1'].map((deviceId) => [
        'bmc:/redfish/v1/Systems/host1',
        deviceId,
        [`${nvmeofFabric}:network`],
      ]),
    );
  });

  it('gives equal snapshots when the same service is crawled twice', async () => {
    const first = await discover('public-cxl');
    const second = await discover('public-cxl');

    expect(second).toEqual(first);
  });
});

describe('Redfish discovery failures', () => {
  const crawl = (
    baseUrl: string,
    options: { timeoutMs?: number; username?: string; password?: string } = {},
  ) => crawlRedfishService({ baseUrl, timeoutMs: 5_000, ...options });

  it('raises REDFISH_UNREACHABLE, naming the URL, when the service refuses connections', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => {
          resolve(port);
        });
      });
    });
    const url = `http://127.0.0.1:${closedPort}`;

    const failure = crawl(url);

    await expect(failure).rejects.toBeInstanceOf(RedfishUnreachableError);
    await expect(failure).rejects.toMatchObject({
      code: 'REDFISH_UNREACHABLE',
      url: `${url}/redfish/v1`,
    });
    await expect(failure).rejects.toThrow(`${url}/redfish/v1`);
  });

  it('raises REDFISH_TIMEOUT after about the timeout when the service hangs', async () => {
    const server = await serve('public-cxl', { fault: 'hang' });
    const started = Date.now();

    const failure = crawl(server.url, { timeoutMs: 300 });

    await expect(failure).rejects.toBeInstanceOf(RedfishTimeoutError);
    await expect(failure).rejects.toThrow(`${server.url}/redfish/v1 within 300 ms`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('raises REDFISH_MALFORMED_RESPONSE, naming the URI, when the body is not JSON', async () => {
    const server = await serve('public-cxl', { fault: 'malformed-json' });

    const failure = crawl(server.url);

    await expect(failure).rejects.toBeInstanceOf(RedfishMalformedResponseError);
    await expect(failure).rejects.toThrow(`Redfish resource ${server.url}/redfish/v1 is malformed`);
  });

  it('raises REDFISH_HTTP_ERROR 401 saying credentials are needed, or refused', async () => {
    const unauthorized = await serve('public-cxl', { fault: 'unauthorized' });
    const guarded = await serve('public-cxl', {
      requireAuth: { username: 'admin', password: 'right' },
    });

    const withoutCredentials = crawl(unauthorized.url);
    const wrongPassword = crawl(guarded.url, { username: 'admin', password: 'wrong' });

    await expect(withoutCredentials).rejects.toBeInstanceOf(RedfishHttpError);
    await expect(withoutCredentials).rejects.toMatchObject({
      code: 'REDFISH_HTTP_ERROR',
      status: 401,
    });
    await expect(withoutCredentials).rejects.toThrow(
      `Redfish service at ${unauthorized.url}/redfish/v1 requires credentials and none were given (HTTP 401)`,
    );
    await expect(wrongPassword).rejects.toThrow(
      `Redfish service at ${guarded.url}/redfish/v1 refused the credentials (HTTP 401)`,
    );
  });

  it('fails the whole crawl when the service stops answering after the root', async () => {
    const server = await serve('public-cxl', { fault: 'refuse-after-root' });

    const failure = crawl(server.url);

    await expect(failure).rejects.toBeInstanceOf(RedfishUnreachableError);
    await expect(failure).rejects.toThrow(
      new RegExp(`unreachable at ${server.url}/redfish/v1/\\w+`),
    );
  });
});
