import { describe, expect, it } from 'vitest';
import {
  type Bodies,
  collection,
  jbofWith,
  mapBodies,
  nvmeDrive,
  ref,
  refs,
} from './test-support/redfish-builders.js';

describe('mapping a Redfish crawl: devices and hosts', () => {
  it('reads drives, GPUs, NICs, DPUs, pooled CXL memory and PMEM in the inventory units', () => {
    const box = '/redfish/v1/Chassis/box';
    const { snapshot } = mapBodies({
      [box]: {
        ChassisType: 'Enclosure',
        Drives: ref(`${box}/Drives`),
        Processors: ref(`${box}/Processors`),
        NetworkAdapters: ref(`${box}/NetworkAdapters`),
        MemoryDomains: ref(`${box}/MemoryDomains`),
      },
      [`${box}/Drives`]: collection(`${box}/Drives/hdd`, `${box}/Drives/nvme`),
      [`${box}/Drives/hdd`]: {
        MediaType: 'HDD',
        Protocol: 'SAS',
        CapacityBytes: 20_000_000_000_000,
        Revision: 'SN04',
      },
      [`${box}/Drives/nvme`]: nvmeDrive({ NegotiatedSpeedGbs: 32 }),
      [`${box}/Processors`]: collection(`${box}/Processors/gpu`),
      [`${box}/Processors/gpu`]: {
        ProcessorType: 'GPU',
        Manufacturer: 'NVIDIA',
        Model: 'H100',
        MemorySummary: { TotalMemorySizeMiB: 81_920 },
        Links: { PCIeFunctions: refs(`${box}/PCIeDevices/0/PCIeFunctions/0`) },
      },
      [`${box}/PCIeDevices/0/PCIeFunctions/0`]: {
        Links: { PCIeDevice: ref(`${box}/PCIeDevices/0`) },
      },
      [`${box}/PCIeDevices/0`]: {
        PCIeInterface: { PCIeType: 'Gen5', LanesInUse: 16, MaxLanes: 16 },
      },
      [`${box}/NetworkAdapters`]: collection(
        `${box}/NetworkAdapters/cx7`,
        `${box}/NetworkAdapters/bf3`,
      ),
      [`${box}/NetworkAdapters/cx7`]: {
        Model: 'ConnectX-7',
        NetworkPorts: ref(`${box}/NetworkAdapters/cx7/NetworkPorts`),
      },
      [`${box}/NetworkAdapters/cx7/NetworkPorts`]: collection(
        `${box}/NetworkAdapters/cx7/NetworkPorts/1`,
      ),
      [`${box}/NetworkAdapters/cx7/NetworkPorts/1`]: {
        SupportedLinkCapabilities: [{ LinkSpeedMbps: 400_000 }],
      },
      [`${box}/NetworkAdapters/bf3`]: {
        Model: 'BlueField-3 DPU',
        Controllers: [{ FirmwarePackageVersion: '32.41' }],
      },
      [`${box}/MemoryDomains`]: collection(`${box}/MemoryDomains/1`),
      [`${box}/MemoryDomains/1`]: { MemoryChunks: ref(`${box}/MemoryDomains/1/MemoryChunks`) },
      [`${box}/MemoryDomains/1/MemoryChunks`]: collection(`${box}/MemoryDomains/1/MemoryChunks/1`),
      [`${box}/MemoryDomains/1/MemoryChunks/1`]: { MemoryChunkSizeMiB: 262_144 },
      '/redfish/v1/Systems/h': { Memory: ref('/redfish/v1/Systems/h/Memory') },
      '/redfish/v1/Systems/h/Memory': collection(
        '/redfish/v1/Systems/h/Memory/dimm',
        '/redfish/v1/Systems/h/Memory/pmem',
      ),
      '/redfish/v1/Systems/h/Memory/dimm': { MemoryType: 'DRAM', CapacityMiB: 65_536 },
      '/redfish/v1/Systems/h/Memory/pmem': { MemoryType: 'IntelOptane', CapacityMiB: 131_072 },
    });

    const byId = new Map(
      snapshot.devices.map((device) => [device.id.slice(`bmc:${box}/`.length), device]),
    );
    expect(byId.get('Drives/hdd')).toMatchObject({
      kind: 'hdd',
      firmware: 'SN04',
      attributes: { capacityTB: 20 },
    });
    expect(byId.get('Drives/nvme')).toMatchObject({
      kind: 'nvme',
      attributes: { capacityTB: 3.841, bandwidthGbps: 32 },
    });
    expect(byId.get('Processors/gpu')).toMatchObject({
      kind: 'gpu',
      vendor: 'NVIDIA',
      model: 'H100',
      attributes: { memoryGiB: 80, pcieGeneration: 5, pcieLanes: 16 },
    });
    expect(byId.get('NetworkAdapters/cx7')).toMatchObject({
      kind: 'nic',
      attributes: { bandwidthGbps: 400 },
    });
    expect(byId.get('NetworkAdapters/bf3')).toMatchObject({ kind: 'dpu', firmware: '32.41' });
    expect(byId.get('MemoryDomains/1/MemoryChunks/1')).toMatchObject({
      kind: 'cxl-memory',
      attributes: { memoryGiB: 256 },
    });
    const pmem = snapshot.devices.find((device) => device.kind === 'pmem');
    expect(pmem).toMatchObject({
      hostId: 'bmc:/redfish/v1/Systems/h',
      attributes: { memoryGiB: 128 },
    });
    expect(snapshot.hosts[0]?.memoryGiB).toBe(64);
    expect(snapshot.devices).toHaveLength(7);
  });

  it('maps Status.Health OK, Warning and Critical', () => {
    const { snapshot } = mapBodies(
      jbofWith({
        '/redfish/v1/Chassis/jbof/Drives/1': nvmeDrive({ Status: { Health: 'OK' } }),
        '/redfish/v1/Chassis/jbof/Drives/2': nvmeDrive({ Status: { Health: 'Warning' } }),
        '/redfish/v1/Chassis/jbof/Drives/3': nvmeDrive({ Status: { Health: 'Critical' } }),
      }),
    );

    expect(snapshot.devices.map((device) => device.health)).toEqual(['ok', 'warning', 'critical']);
  });

  it('reads a host from its system: CPU model and cores, memory, enclosure', () => {
    const { snapshot } = mapBodies({
      '/redfish/v1/Chassis/sled': { ChassisType: 'Sled' },
      '/redfish/v1/Systems/h': {
        SystemType: 'Physical',
        HostName: 'node-7',
        Manufacturer: 'Dell',
        Model: 'R760',
        SerialNumber: 'SV1',
        MemorySummary: { TotalSystemMemoryGiB: 512 },
        Processors: ref('/redfish/v1/Systems/h/Processors'),
        Links: { Chassis: refs('/redfish/v1/Chassis/sled') },
      },
      '/redfish/v1/Systems/h/Processors': collection(
        '/redfish/v1/Systems/h/Processors/0',
        '/redfish/v1/Systems/h/Processors/1',
      ),
      '/redfish/v1/Systems/h/Processors/0': {
        ProcessorType: 'CPU',
        Model: 'Xeon 6430',
        TotalCores: 32,
      },
      '/redfish/v1/Systems/h/Processors/1': {
        ProcessorType: 'CPU',
        Model: 'Xeon 6430',
        TotalCores: 32,
      },
      '/redfish/v1/Systems/vm': { SystemType: 'Virtual' },
    });

    expect(snapshot.hosts).toEqual([
      {
        id: 'bmc:/redfish/v1/Systems/h',
        name: 'node-7',
        vendor: 'Dell',
        model: 'R760',
        serial: 'SV1',
        cpuModel: 'Xeon 6430',
        cpuCores: 64,
        memoryGiB: 512,
        enclosureId: 'bmc:/redfish/v1/Chassis/sled',
        attachments: [],
      },
    ]);
    expect(snapshot.enclosures.map((enclosure) => enclosure.kind)).toEqual(['compute-sled']);
  });

  it('finds a drive once when its resource block and a composed system both list it, and keeps it pooled', () => {
    const shared = '/redfish/v1/CompositionService/ResourceBlocks/d/Drives/0';
    const { snapshot } = mapBodies({
      '/redfish/v1/CompositionService': {
        ResourceBlocks: ref('/redfish/v1/CompositionService/ResourceBlocks'),
      },
      '/redfish/v1/CompositionService/ResourceBlocks': collection(
        '/redfish/v1/CompositionService/ResourceBlocks/d',
      ),
      '/redfish/v1/CompositionService/ResourceBlocks/d': {
        ResourceBlockType: ['Storage'],
        Drives: refs(shared),
      },
      [shared]: nvmeDrive(),
      '/redfish/v1/Systems/composed': {
        SystemType: 'Composed',
        Storage: ref('/redfish/v1/Systems/composed/Storage'),
      },
      '/redfish/v1/Systems/composed/Storage': collection('/redfish/v1/Systems/composed/Storage/1'),
      '/redfish/v1/Systems/composed/Storage/1': { Drives: refs(shared) },
    });

    expect(snapshot.devices).toHaveLength(1);
    expect(snapshot.devices[0]).not.toHaveProperty('hostId');
  });

  it('takes maxCompositions from the resource block: 1 when unstated or when sharing is off', () => {
    const block = (status: Record<string, unknown> | undefined) => ({
      ResourceBlockType: 'Storage',
      ...(status === undefined ? {} : { CompositionStatus: status }),
    });
    const blocks: Bodies = {
      shared: block({ SharingCapable: true, SharingEnabled: true, MaxCompositions: 4 }),
      disabled: block({ SharingCapable: true, SharingEnabled: false, MaxCompositions: 4 }),
      incapable: block({ SharingCapable: false, MaxCompositions: 8 }),
      unstated: block(undefined),
    };
    const bodies: Bodies = {
      '/redfish/v1/CompositionService': {
        ResourceBlocks: ref('/redfish/v1/CompositionService/ResourceBlocks'),
      },
      '/redfish/v1/CompositionService/ResourceBlocks': collection(
        ...Object.keys(blocks).map(
          (name) => `/redfish/v1/CompositionService/ResourceBlocks/${name}`,
        ),
      ),
    };
    for (const [name, body] of Object.entries(blocks)) {
      const blockUri = `/redfish/v1/CompositionService/ResourceBlocks/${name}`;
      bodies[blockUri] = { ...body, Drives: refs(`${blockUri}/Drives/0`) };
      bodies[`${blockUri}/Drives/0`] = nvmeDrive();
    }

    const { snapshot } = mapBodies(bodies);

    expect(
      Object.fromEntries(snapshot.devices.map((d) => [d.id.split('/')[5], d.maxCompositions])),
    ).toEqual({
      shared: 4,
      disabled: 1,
      incapable: 1,
      unstated: 1,
    });
  });
});
