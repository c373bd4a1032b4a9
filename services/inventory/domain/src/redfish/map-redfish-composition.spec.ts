import { describe, expect, it } from 'vitest';
import { collection, mapBodies as map, ref, refs } from './test-support/redfish-builders.js';

const id = (uri: string) => `bmc:${uri}`;

describe('mapping a CompositionService', () => {
  const S = '/redfish/v1/CompositionService';
  const block = (name: string, body: Record<string, unknown>) => ({
    [`${S}/ResourceBlocks/${name}`]: body,
  });

  it('makes one PCIe fabric whose zones are the resource zones, hosts initiating and block devices targeted', () => {
    const { snapshot } = map({
      [S]: { ResourceBlocks: ref(`${S}/ResourceBlocks`), ResourceZones: ref(`${S}/ResourceZones`) },
      [`${S}/ResourceBlocks`]: collection(
        `${S}/ResourceBlocks/compute`,
        `${S}/ResourceBlocks/near`,
        `${S}/ResourceBlocks/far`,
      ),
      ...block('compute', {
        ResourceBlockType: ['Compute', 'Network'],
        EthernetInterfaces: refs(`${S}/ResourceBlocks/compute/EthernetInterfaces/nic`),
        Links: {
          ComputerSystems: refs('/redfish/v1/Systems/composed'),
          Zones: refs(`${S}/ResourceZones/1`),
        },
      }),
      [`${S}/ResourceBlocks/compute/EthernetInterfaces/nic`]: { SpeedMbps: 25_000 },
      ...block('near', {
        ResourceBlockType: 'Storage',
        Drives: refs(`${S}/ResourceBlocks/near/Drives/0`),
      }),
      [`${S}/ResourceBlocks/near/Drives/0`]: { Protocol: 'NVMe' },
      ...block('far', {
        ResourceBlockType: 'Processor',
        Processors: refs(`${S}/ResourceBlocks/far/Processors/gpu`),
      }),
      [`${S}/ResourceBlocks/far/Processors/gpu`]: { ProcessorType: 'GPU' },
      [`${S}/ResourceZones`]: collection(`${S}/ResourceZones/1`, `${S}/ResourceZones/2`),
      [`${S}/ResourceZones/1`]: { Links: { ResourceBlocks: refs(`${S}/ResourceBlocks/near`) } },
      [`${S}/ResourceZones/2`]: { Links: { ResourceBlocks: refs(`${S}/ResourceBlocks/far`) } },
      '/redfish/v1/Systems/composed': { SystemType: 'Composed' },
    });

    const endpoint = (uri: string) => id(`${uri}:composition-endpoint`);
    const host = endpoint('/redfish/v1/Systems/composed');
    const drive = endpoint(`${S}/ResourceBlocks/near/Drives/0`);
    const gpu = endpoint(`${S}/ResourceBlocks/far/Processors/gpu`);
    const fabric = snapshot.fabrics[0]!;
    expect(fabric).toMatchObject({ id: id(S), kind: 'pcie', connections: [] });
    expect(fabric.endpoints.map((e) => [e.id, e.role])).toEqual([
      [gpu, 'target'],
      [drive, 'target'],
      [host, 'initiator'],
    ]);
    expect(fabric.zones).toEqual([
      { id: id(`${S}/ResourceZones/1`), endpointIds: [drive, host] },
      { id: id(`${S}/ResourceZones/2`), endpointIds: [gpu] },
    ]);
    expect(fabric.switches).toHaveLength(1);
    expect(fabric.links).toHaveLength(3);
    expect(snapshot.devices.find((d) => d.kind === 'nic')).toMatchObject({
      hostId: id('/redfish/v1/Systems/composed'),
      attachments: [],
      attributes: { bandwidthGbps: 25 },
    });
    expect(snapshot.hosts[0]?.attachments).toEqual([{ fabricId: id(S), endpointId: host }]);
  });

  it('warns about a zone naming a block the service did not return, and leaves out idle compute', () => {
    const { snapshot, warnings } = map({
      [S]: { ResourceBlocks: ref(`${S}/ResourceBlocks`), ResourceZones: ref(`${S}/ResourceZones`) },
      [`${S}/ResourceBlocks`]: collection(`${S}/ResourceBlocks/idle`),
      ...block('idle', { ResourceBlockType: 'Compute' }),
      [`${S}/ResourceZones`]: collection(`${S}/ResourceZones/1`),
      [`${S}/ResourceZones/1`]: {
        Links: { ResourceBlocks: refs(`${S}/ResourceBlocks/idle`, `${S}/ResourceBlocks/ghost`) },
      },
    });

    expect(snapshot.hosts).toEqual([]);
    expect(snapshot.fabrics[0]).toMatchObject({
      endpoints: [],
      zones: [{ id: id(`${S}/ResourceZones/1`), endpointIds: [] }],
    });
    expect(warnings).toEqual([
      `${S}/ResourceZones/1 links to ${S}/ResourceBlocks/ghost, which the service did not return`,
    ]);
  });
});
