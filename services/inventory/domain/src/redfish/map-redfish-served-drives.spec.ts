import { describe, expect, it } from 'vitest';
import { computeReachability } from '@tessera/hardware';
import {
  type Bodies,
  collection,
  jbofWith,
  mapBodies,
  nvmeDrive,
  ref,
  refs,
} from './test-support/redfish-builders.js';

const F = '/redfish/v1/Fabrics/nvmeof';
const NIC = '/redfish/v1/Chassis/jbof/NetworkAdapters/1';
const STORAGE = '/redfish/v1/Storage/subsystem';
const driveUris = [1, 2, 3].map((n) => `/redfish/v1/Chassis/jbof/Drives/${n}`);
const id = (uri: string) => `bmc:${uri}`;
const driveIds = driveUris.map(id);

const connectedTo = (type: string, role: string, entity: string) => [
  { EntityType: type, EntityRole: role, EntityLink: ref(entity) },
];

/**
 * A host h and a JBOF of three drives on a switchless NVMe-oF fabric. The JBOF's target endpoint
 * is connected to `target` (by default its NIC's network function, as the DMTF NVMe-oF mockup
 * has it); the subsystem's controller links back to both endpoints.
 */
function nvmeofLab(target: unknown = connectedTo('NetworkController', 'Target', `${NIC}/NDF/1`)) {
  const bodies: Bodies = {
    ...jbofWith(
      Object.fromEntries(driveUris.map((uri, n) => [uri, nvmeDrive({ SerialNumber: `S${n}` })])),
    ),
    '/redfish/v1/Systems/h': { SystemType: 'Physical' },
    [STORAGE]: {
      '@odata.type': '#Storage.v1_21_0.Storage',
      Drives: refs(...driveUris),
      Controllers: ref(`${STORAGE}/Controllers`),
    },
    [`${STORAGE}/Controllers`]: collection(`${STORAGE}/Controllers/1`),
    [`${STORAGE}/Controllers/1`]: {
      '@odata.type': '#StorageController.v1_11_0.StorageController',
      Links: { Endpoints: refs(`${F}/Endpoints/host`, `${F}/Endpoints/target`) },
    },
    [F]: { FabricType: 'NVMeOverFabrics', Endpoints: ref(`${F}/Endpoints`) },
    [`${F}/Endpoints`]: collection(`${F}/Endpoints/host`, `${F}/Endpoints/target`),
    [`${F}/Endpoints/host`]: {
      ConnectedEntities: connectedTo('ComputerSystem', 'Initiator', '/redfish/v1/Systems/h'),
    },
    [`${F}/Endpoints/target`]: { ConnectedEntities: target },
  };
  bodies['/redfish/v1/Chassis/jbof'] = {
    ...bodies['/redfish/v1/Chassis/jbof'],
    '@odata.type': '#Chassis.v1_28_0.Chassis',
    NetworkAdapters: ref('/redfish/v1/Chassis/jbof/NetworkAdapters'),
  };
  bodies['/redfish/v1/Chassis/jbof/NetworkAdapters'] = collection(NIC);
  bodies[NIC] = { Model: 'E810' };
  return bodies;
}

/** The lab with the subsystem's controller linking to no endpoint. */
const unlinked = (bodies: Bodies): Bodies => ({
  ...bodies,
  [`${STORAGE}/Controllers/1`]: { '@odata.type': '#StorageController.v1_11_0.StorageController' },
});

const targetOf = (bodies: Bodies) =>
  mapBodies(bodies).snapshot.fabrics[0]?.endpoints.find((endpoint) => endpoint.role === 'target');

describe('mapping Redfish NVMe-oF targets that serve several drives', () => {
  it("serves the subsystem's drives through the port its controllers link back to", () => {
    const { snapshot, warnings } = mapBodies(nvmeofLab());

    expect(snapshot.fabrics[0]?.endpoints).toEqual([
      {
        id: id(`${F}/Endpoints/host`),
        role: 'initiator',
        entity: { type: 'host', id: id('/redfish/v1/Systems/h') },
      },
      {
        id: id(`${F}/Endpoints/target`),
        role: 'target',
        entity: { type: 'device', id: id(NIC) },
        servesDeviceIds: driveIds,
      },
    ]);
    expect(
      snapshot.devices.filter((device) => device.kind === 'nvme').map((d) => d.attachments),
    ).toEqual(driveIds.map(() => [{ fabricId: id(F), endpointId: id(`${F}/Endpoints/target`) }]));
    expect(warnings).toEqual([]);
  });

  it("serves the drives of the subsystem whose NQN is the port's, when the crawl holds no controllers", () => {
    // given the crawl without the subsystem's controllers, and both naming the subsystem's NQN
    const nqn = { DurableNameFormat: 'NQN', DurableName: 'nqn.2014-08.com.example:subsys-7642' };
    const bodies = Object.fromEntries(
      Object.entries(nvmeofLab()).filter(([uri]) => !uri.startsWith(`${STORAGE}/Controllers`)),
    );
    bodies[STORAGE] = { ...bodies[STORAGE], Identifiers: [nqn] };
    bodies[`${F}/Endpoints/target`] = { ...bodies[`${F}/Endpoints/target`], Identifiers: [nqn] };

    const { snapshot, warnings } = mapBodies(bodies);

    expect(snapshot.fabrics[0]?.endpoints[1]?.servesDeviceIds).toEqual(driveIds);
    expect(warnings).toEqual([]);
  });

  it('serves nothing more when neither an entity, an NQN nor a controller ties a port to storage', () => {
    expect(targetOf(unlinked(nvmeofLab()))).toEqual({
      id: id(`${F}/Endpoints/target`),
      role: 'target',
      entity: { type: 'device', id: id(NIC) },
    });
  });

  it('lets a host that reaches the port reach each drive, over the same path', () => {
    const { snapshot } = mapBodies(nvmeofLab());

    const routes = computeReachability(snapshot).devicesReachableFrom(id('/redfish/v1/Systems/h'));

    expect(routes.map((route) => [route.deviceId, route.switchPath])).toEqual(
      [...driveIds, id(NIC)].map((deviceId) => [deviceId, [id(`${F}:network`)]]),
    );
  });

  it('serves the drives of a storage subsystem the endpoint is connected to, standing for the first', () => {
    const target = targetOf(nvmeofLab(connectedTo('StorageSubsystem', 'Target', STORAGE)));

    expect(target).toEqual({
      id: id(`${F}/Endpoints/target`),
      role: 'target',
      entity: { type: 'device', id: driveIds[0] },
      servesDeviceIds: driveIds.slice(1),
    });
  });

  it('serves the drives of a storage controller, a volume or a JBOF chassis the endpoint names', () => {
    const volume = `${STORAGE}/Volumes/1`;
    const withVolume = {
      ...nvmeofLab(connectedTo('Volume', 'Target', volume)),
      [volume]: { Links: { Drives: refs(driveUris[1]!) } },
    };

    const served = (bodies: Bodies) => {
      const target = targetOf(bodies);
      return [target?.entity.id, ...(target?.servesDeviceIds ?? [])];
    };

    expect(
      served(
        unlinked(nvmeofLab(connectedTo('StorageInitiator', 'Target', `${STORAGE}/Controllers/1`))),
      ),
    ).toEqual(driveIds);
    expect(served(unlinked(withVolume))).toEqual([driveIds[1]]);
    expect(
      served(
        unlinked(nvmeofLab(connectedTo('StorageExpander', 'Target', '/redfish/v1/Chassis/jbof'))),
      ),
    ).toEqual(driveIds);
  });

  it('serves only drives the mapping knows, and nothing from storage in the initiator role', () => {
    // given the subsystem listing a drive the service does not return
    const bodies = nvmeofLab();
    bodies[STORAGE] = {
      ...bodies[STORAGE],
      Drives: refs(driveUris[0]!, '/redfish/v1/Chassis/jbof/Drives/9'),
    };
    // and the host's endpoint connected to its own storage controller, as an initiator
    const hostController = '/redfish/v1/Systems/h/Storage/1/Controllers/0';
    bodies['/redfish/v1/Systems/h/Storage/1'] = { '@odata.type': '#Storage.v1_21_0.Storage' };
    bodies[hostController] = { '@odata.type': '#StorageController.v1_11_0.StorageController' };
    bodies[`${F}/Endpoints/host`] = {
      ConnectedEntities: connectedTo('StorageInitiator', 'Initiator', hostController),
    };

    const { snapshot, warnings } = mapBodies(bodies);

    expect(
      snapshot.fabrics[0]?.endpoints.map((e) => [e.role, e.entity.id, e.servesDeviceIds]),
    ).toEqual([
      ['initiator', id('/redfish/v1/Systems/h'), undefined],
      ['target', id(NIC), [driveIds[0]]],
    ]);
    expect(warnings).toEqual([
      `${STORAGE} links to /redfish/v1/Chassis/jbof/Drives/9, which the service did not return`,
    ]);
  });
});
