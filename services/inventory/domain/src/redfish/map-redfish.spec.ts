import { describe, expect, it } from 'vitest';
import {
  collection,
  jbofWith,
  mapBodies,
  nvmeDrive,
  ref,
  refs,
} from './test-support/redfish-builders.js';

describe('mapping a Redfish crawl: tolerance', () => {
  it('counts the Members array and never trusts Members@odata.count', () => {
    const { snapshot, warnings } = mapBodies({
      '/redfish/v1/Systems': {
        ...collection('/redfish/v1/Systems/a', '/redfish/v1/Systems/b', '/redfish/v1/Systems/c'),
        'Members@odata.count': 1,
      },
      '/redfish/v1/Systems/a': { SystemType: 'Physical' },
      '/redfish/v1/Systems/b': { SystemType: 'Physical' },
      '/redfish/v1/Systems/c': { SystemType: 'Physical' },
    });

    expect(snapshot.hosts.map((host) => host.id)).toEqual([
      'bmc:/redfish/v1/Systems/a',
      'bmc:/redfish/v1/Systems/b',
      'bmc:/redfish/v1/Systems/c',
    ]);
    expect(warnings).toContain(
      '/redfish/v1/Systems says it has 1 members but lists 3; using the list',
    );
  });

  it('reads a dangling link as a warning naming both ends, never as an exception', () => {
    const { snapshot, warnings } = mapBodies({
      ...jbofWith({ '/redfish/v1/Chassis/jbof/Drives/1': nvmeDrive() }),
      '/redfish/v1/Chassis/jbof/Drives': collection(
        '/redfish/v1/Chassis/jbof/Drives/1',
        '/redfish/v1/Chassis/jbof/Drives/gone',
      ),
    });

    expect(snapshot.devices.map((device) => device.id)).toEqual([
      'bmc:/redfish/v1/Chassis/jbof/Drives/1',
    ]);
    expect(warnings).toEqual([
      '/redfish/v1/Chassis/jbof/Drives links to /redfish/v1/Chassis/jbof/Drives/gone, which the service did not return',
    ]);
  });

  it('identifies a resource by the path it was read from, never by its Id or a lying @odata.id', () => {
    const { snapshot, warnings } = mapBodies(
      jbofWith({
        '/redfish/v1/Chassis/jbof/Drives/7': nvmeDrive({
          Id: 'Drive 0',
          '@odata.id': '/redfish/v1/Chassis/jbof/Drives/6',
        }),
      }),
    );

    expect(snapshot.devices.map((device) => device.id)).toEqual([
      'bmc:/redfish/v1/Chassis/jbof/Drives/7',
    ]);
    expect(warnings).toEqual([
      '/redfish/v1/Chassis/jbof/Drives/7 calls itself /redfish/v1/Chassis/jbof/Drives/6; identified by the path it was read from',
    ]);
  });

  it('maps unknown enum values to a default, with a warning each', () => {
    const { snapshot, warnings } = mapBodies({
      '/redfish/v1/Chassis/box': {
        ChassisType: 'Spaceship',
        Processors: ref('/redfish/v1/Chassis/box/Processors'),
      },
      '/redfish/v1/Chassis/box/Processors': collection('/redfish/v1/Chassis/box/Processors/npu'),
      '/redfish/v1/Chassis/box/Processors/npu': {
        ProcessorType: 'NPU',
        Status: { Health: 'Degraded' },
      },
      '/redfish/v1/Fabrics/f': { FabricType: 'NVLink' },
    });

    expect(snapshot.enclosures.map((enclosure) => enclosure.kind)).toEqual(['gpu-chassis']);
    expect(snapshot.devices.map(({ kind, health }) => ({ kind, health }))).toEqual([
      { kind: 'accelerator', health: 'warning' },
    ]);
    expect(snapshot.fabrics.map((fabric) => fabric.kind)).toEqual(['pcie']);
    expect([...warnings].sort()).toEqual([
      '/redfish/v1/Chassis/box/Processors/npu: unknown ProcessorType "NPU", read as accelerator',
      '/redfish/v1/Chassis/box/Processors/npu: unknown Status.Health "Degraded", read as warning',
      '/redfish/v1/Chassis/box: unknown ChassisType "Spaceship", read as an enclosure',
      '/redfish/v1/Fabrics/f: unknown FabricType "NVLink", read as pcie',
    ]);
  });

  it('reads a drive with every optional field absent', () => {
    const { snapshot, warnings } = mapBodies(
      jbofWith({ '/redfish/v1/Chassis/jbof/Drives/bare': {} }),
    );

    expect(snapshot.devices).toEqual([
      {
        id: 'bmc:/redfish/v1/Chassis/jbof/Drives/bare',
        kind: 'ssd',
        vendor: 'unknown',
        model: 'unknown',
        serial: 'unknown',
        attributes: {},
        enclosureId: 'bmc:/redfish/v1/Chassis/jbof',
        attachments: [],
        maxCompositions: 1,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('ignores Oem sections, links in them included', () => {
    const bodies = jbofWith({
      '/redfish/v1/Chassis/jbof/Drives/1': nvmeDrive({ Oem: { Contoso: { MediaType: 'HDD' } } }),
    });
    bodies['/redfish/v1/Chassis/jbof']!.Oem = {
      Contoso: { Drives: ref('/redfish/v1/Chassis/jbof/OemDrives') },
    };

    const { snapshot, warnings } = mapBodies(bodies);

    expect(snapshot.devices.map((device) => device.kind)).toEqual(['nvme']);
    expect(warnings).toEqual([]);
  });

  it('maps nothing for an empty slot (Status.State Absent)', () => {
    const { snapshot } = mapBodies(
      jbofWith({
        '/redfish/v1/Chassis/jbof/Drives/1': nvmeDrive(),
        '/redfish/v1/Chassis/jbof/Drives/2': { Status: { State: 'Absent' } },
      }),
    );

    expect(snapshot.devices.map((device) => device.id)).toEqual([
      'bmc:/redfish/v1/Chassis/jbof/Drives/1',
    ]);
  });

  it('reads ResourceBlockType as a string or as an array', () => {
    const block = (type: unknown, system: string) => ({
      ResourceBlockType: type,
      ComputerSystems: refs(system),
      Links: { Zones: refs('/redfish/v1/CompositionService/ResourceZones/z') },
    });
    const { snapshot } = mapBodies({
      '/redfish/v1/CompositionService': {
        ResourceBlocks: ref('/redfish/v1/CompositionService/ResourceBlocks'),
        ResourceZones: ref('/redfish/v1/CompositionService/ResourceZones'),
      },
      '/redfish/v1/CompositionService/ResourceBlocks': collection(
        '/redfish/v1/CompositionService/ResourceBlocks/a',
        '/redfish/v1/CompositionService/ResourceBlocks/b',
      ),
      '/redfish/v1/CompositionService/ResourceBlocks/a': block(
        'ComputerSystem',
        '/redfish/v1/Systems/a',
      ),
      '/redfish/v1/CompositionService/ResourceBlocks/b': block(
        ['ComputerSystem'],
        '/redfish/v1/Systems/b',
      ),
      '/redfish/v1/CompositionService/ResourceZones': collection(
        '/redfish/v1/CompositionService/ResourceZones/z',
      ),
      '/redfish/v1/CompositionService/ResourceZones/z': {},
      '/redfish/v1/Systems/a': { SystemType: 'Physical' },
      '/redfish/v1/Systems/b': { SystemType: 'Physical' },
    });

    expect(
      snapshot.fabrics[0]?.endpoints.map((endpoint) => [endpoint.role, endpoint.entity.id]),
    ).toEqual([
      ['initiator', 'bmc:/redfish/v1/Systems/a'],
      ['initiator', 'bmc:/redfish/v1/Systems/b'],
    ]);
  });
});
