import { describe, expect, it } from 'vitest';
import {
  type Bodies,
  collection,
  mapBodies as map,
  ref,
  refs,
} from './test-support/redfish-builders.js';

const F = '/redfish/v1/Fabrics/pcie';
const CPU = '/redfish/v1/Systems/h/Processors/cpu';
const GPU = '/redfish/v1/Chassis/box/Processors/gpu';

const connectedTo = (role: string, entity: string, type = 'Processor') => [
  { EntityType: type, EntityRole: role, EntityLink: ref(entity) },
];

/** A host and a GPU box behind one PCIe switch: the host's port is cabled to `up`, the GPU to `down`. */
const pcieLab = (): Bodies => ({
  '/redfish/v1/Systems/h': {
    SystemType: 'Physical',
    Processors: ref('/redfish/v1/Systems/h/Processors'),
  },
  '/redfish/v1/Systems/h/Processors': collection(CPU),
  [CPU]: { ProcessorType: 'CPU' },
  '/redfish/v1/Chassis/box': {
    ChassisType: 'Enclosure',
    Processors: ref('/redfish/v1/Chassis/box/Processors'),
  },
  '/redfish/v1/Chassis/box/Processors': collection(GPU),
  [GPU]: { ProcessorType: 'GPU' },
  [F]: {
    FabricType: 'PCIe',
    Switches: ref(`${F}/Switches`),
    Endpoints: ref(`${F}/Endpoints`),
    Zones: ref(`${F}/Zones`),
    Connections: ref(`${F}/Connections`),
  },
  [`${F}/Switches`]: collection(`${F}/Switches/sw`),
  [`${F}/Switches/sw`]: {
    Manufacturer: 'Broadcom',
    Model: 'PEX89144',
    Ports: ref(`${F}/Switches/sw/Ports`),
  },
  [`${F}/Switches/sw/Ports`]: collection(
    `${F}/Switches/sw/Ports/up`,
    `${F}/Switches/sw/Ports/down`,
  ),
  [`${F}/Switches/sw/Ports/up`]: {
    CurrentSpeedGbps: 256,
    Links: { ConnectedPorts: refs('/redfish/v1/Systems/h/Processors/cpu/Ports/0') },
  },
  [`${F}/Switches/sw/Ports/down`]: { MaxSpeedGbps: 128 },
  [`${F}/Endpoints`]: collection(`${F}/Endpoints/host`, `${F}/Endpoints/gpu`),
  [`${F}/Endpoints/host`]: {
    ConnectedEntities: connectedTo('Initiator', CPU),
    Links: { Ports: refs('/redfish/v1/Systems/h/Processors/cpu/Ports/0') },
  },
  [`${F}/Endpoints/gpu`]: {
    ConnectedEntities: connectedTo('Target', GPU),
    Links: { ConnectedPorts: refs(`${F}/Switches/sw/Ports/down`) },
  },
  [`${F}/Zones`]: collection(`${F}/Zones/z`),
  [`${F}/Zones/z`]: { Links: { Endpoints: refs(`${F}/Endpoints/host`, `${F}/Endpoints/gpu`) } },
  [`${F}/Connections`]: collection(`${F}/Connections/c`),
  [`${F}/Connections/c`]: {
    Links: {
      InitiatorEndpoints: refs(`${F}/Endpoints/host`),
      TargetEndpoints: refs(`${F}/Endpoints/gpu`),
    },
  },
});

const id = (uri: string) => `bmc:${uri}`;

describe('mapping Redfish fabrics', () => {
  it('maps switches, ports, endpoints standing for hosts and devices, cables, zones and connections', () => {
    const { snapshot, warnings } = map(pcieLab());

    expect(snapshot.fabrics).toEqual([
      {
        id: id(F),
        kind: 'pcie',
        switches: [
          {
            id: id(`${F}/Switches/sw`),
            vendor: 'Broadcom',
            model: 'PEX89144',
            ports: [
              { id: id(`${F}/Switches/sw/Ports/up`), bandwidthGbps: 256 },
              { id: id(`${F}/Switches/sw/Ports/down`), bandwidthGbps: 128 },
            ],
          },
        ],
        endpoints: [
          { id: id(`${F}/Endpoints/gpu`), role: 'target', entity: { type: 'device', id: id(GPU) } },
          {
            id: id(`${F}/Endpoints/host`),
            role: 'initiator',
            entity: { type: 'host', id: id('/redfish/v1/Systems/h') },
          },
        ],
        links: [
          {
            a: { endpointId: id(`${F}/Endpoints/gpu`) },
            b: { switchId: id(`${F}/Switches/sw`), portId: id(`${F}/Switches/sw/Ports/down`) },
          },
          {
            a: { endpointId: id(`${F}/Endpoints/host`) },
            b: { switchId: id(`${F}/Switches/sw`), portId: id(`${F}/Switches/sw/Ports/up`) },
          },
        ],
        zones: [
          {
            id: id(`${F}/Zones/z`),
            endpointIds: [id(`${F}/Endpoints/gpu`), id(`${F}/Endpoints/host`)],
          },
        ],
        connections: [
          {
            id: id(`${F}/Connections/c`),
            initiatorEndpointIds: [id(`${F}/Endpoints/host`)],
            targetEndpointIds: [id(`${F}/Endpoints/gpu`)],
          },
        ],
      },
    ]);
    expect(snapshot.hosts[0]?.attachments).toEqual([
      { fabricId: id(F), endpointId: id(`${F}/Endpoints/host`) },
    ]);
    expect(snapshot.devices[0]?.attachments).toEqual([
      { fabricId: id(F), endpointId: id(`${F}/Endpoints/gpu`) },
    ]);
    expect(warnings).toEqual([]);
  });

  it('cables switches to each other once, whichever side names the other', () => {
    const bodies = pcieLab();
    bodies[`${F}/Switches`] = collection(`${F}/Switches/sw`, `${F}/Switches/sw2`);
    bodies[`${F}/Switches/sw2`] = { Ports: ref(`${F}/Switches/sw2/Ports`) };
    bodies[`${F}/Switches/sw2/Ports`] = collection(`${F}/Switches/sw2/Ports/x`);
    bodies[`${F}/Switches/sw2/Ports/x`] = {
      Links: { ConnectedPorts: refs(`${F}/Switches/sw/Ports/down`) },
    };
    bodies[`${F}/Switches/sw/Ports/down`] = {
      Links: { ConnectedSwitchPorts: refs(`${F}/Switches/sw2/Ports/x`) },
    };

    const links = map(bodies).snapshot.fabrics[0]!.links.filter(
      (link) => 'switchId' in link.a && 'switchId' in link.b,
    );

    expect(links).toEqual([
      {
        a: { switchId: id(`${F}/Switches/sw`), portId: id(`${F}/Switches/sw/Ports/down`) },
        b: { switchId: id(`${F}/Switches/sw2`), portId: id(`${F}/Switches/sw2/Ports/x`) },
      },
    ]);
  });

  it('takes the kind from FabricType, and RDMA from the NVMe-oF transport', () => {
    const nvmeof = (transport: string) => ({
      FabricType: 'NVMeOverFabrics',
      Endpoints: ref(`/redfish/v1/Fabrics/${transport}/Endpoints`),
    });
    const { snapshot } = map({
      '/redfish/v1/Fabrics/cxl': { FabricType: 'CXL' },
      '/redfish/v1/Fabrics/eth': { FabricType: 'Ethernet' },
      '/redfish/v1/Fabrics/ib': { FabricType: 'InfiniBand' },
      '/redfish/v1/Fabrics/RoCEv2': nvmeof('RoCEv2'),
      '/redfish/v1/Fabrics/RoCEv2/Endpoints': collection('/redfish/v1/Fabrics/RoCEv2/Endpoints/t'),
      '/redfish/v1/Fabrics/RoCEv2/Endpoints/t': {
        ConnectedEntities: connectedTo(
          'Target',
          '/redfish/v1/Chassis/jbof/NetworkAdapters/1',
          'NetworkController',
        ),
        IPTransportDetails: [{ TransportProtocol: 'RoCEv2' }],
      },
      '/redfish/v1/Fabrics/TCP': nvmeof('TCP'),
      '/redfish/v1/Chassis/jbof': {
        NetworkAdapters: ref('/redfish/v1/Chassis/jbof/NetworkAdapters'),
      },
      '/redfish/v1/Chassis/jbof/NetworkAdapters': collection(
        '/redfish/v1/Chassis/jbof/NetworkAdapters/1',
      ),
      '/redfish/v1/Chassis/jbof/NetworkAdapters/1': {},
    });

    expect(snapshot.fabrics.map((fabric) => [fabric.id.split('/').pop(), fabric.kind])).toEqual([
      ['RoCEv2', 'nvme-rdma'],
      ['TCP', 'nvme-tcp'],
      ['cxl', 'cxl'],
      ['eth', 'ethernet'],
      ['ib', 'infiniband'],
    ]);
  });

  it('resolves an entity named by a part of a device, and gives a switchless network fabric one implicit switch', () => {
    const nvme = '/redfish/v1/Fabrics/nvme';
    const adapter = '/redfish/v1/Chassis/jbof/NetworkAdapters/1';
    const { snapshot } = map({
      '/redfish/v1/Chassis/jbof': {
        ChassisType: 'StorageEnclosure',
        NetworkAdapters: ref('/redfish/v1/Chassis/jbof/NetworkAdapters'),
      },
      '/redfish/v1/Chassis/jbof/NetworkAdapters': collection(adapter),
      [adapter]: { Model: 'E810' },
      [nvme]: { FabricType: 'NVMeOverFabrics', Endpoints: ref(`${nvme}/Endpoints`) },
      [`${nvme}/Endpoints`]: collection(`${nvme}/Endpoints/t`),
      [`${nvme}/Endpoints/t`]: {
        ConnectedEntities: connectedTo(
          'Target',
          `${adapter}/NetworkDeviceFunctions/1`,
          'NetworkController',
        ),
      },
    });

    const fabric = snapshot.fabrics[0]!;
    expect(fabric.endpoints).toEqual([
      {
        id: id(`${nvme}/Endpoints/t`),
        role: 'target',
        entity: { type: 'device', id: id(adapter) },
      },
    ]);
    expect(fabric.switches).toEqual([
      { id: id(`${nvme}:network`), ports: [{ id: id(`${nvme}/Endpoints/t:port`) }] },
    ]);
    expect(fabric.links).toEqual([
      {
        a: { switchId: id(`${nvme}:network`), portId: id(`${nvme}/Endpoints/t:port`) },
        b: { endpointId: id(`${nvme}/Endpoints/t`) },
      },
    ]);
  });

  it('skips an endpoint that stands for nothing of this service, keeps its zone and drops a connection left one-sided', () => {
    const bodies = pcieLab();
    bodies[`${F}/Endpoints/host`] = {
      ConnectedEntities: [{ EntityType: 'NetworkController', EntityRole: 'Initiator' }],
    };

    const { snapshot, warnings } = map(bodies);

    const fabric = snapshot.fabrics[0]!;
    expect(fabric.endpoints.map((endpoint) => endpoint.id)).toEqual([id(`${F}/Endpoints/gpu`)]);
    expect(fabric.zones).toEqual([
      { id: id(`${F}/Zones/z`), endpointIds: [id(`${F}/Endpoints/gpu`)] },
    ]);
    expect(fabric.connections).toEqual([]);
    expect(warnings).toEqual([
      `${F}/Endpoints/host: no connected entity (NetworkController) is a host or device of this service; endpoint skipped`,
      `${F}/Connections/c: no initiator and target endpoint of this service on both sides; connection skipped`,
    ]);
  });

  it('warns when EntityRole contradicts what the entity is', () => {
    const bodies = pcieLab();
    bodies[`${F}/Endpoints/gpu`] = { ConnectedEntities: connectedTo('Initiator', GPU) };

    const { snapshot, warnings } = map(bodies);

    expect(snapshot.fabrics[0]?.endpoints.find((e) => e.entity.type === 'device')?.role).toBe(
      'target',
    );
    expect(warnings).toEqual([
      `${F}/Endpoints/gpu: EntityRole Initiator for a device; mapped as target`,
    ]);
  });
});
