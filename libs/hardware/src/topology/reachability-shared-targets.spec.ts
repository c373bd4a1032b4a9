import { describe, expect, it } from 'vitest';
import { type FabricSpec, type ZoneSpec } from '../model/index.js';
import { computeReachability, routesOfFabric } from './reachability.js';
import {
  device,
  fabric,
  host,
  initiator,
  link,
  sharedTarget,
  switchWithPorts,
  target,
} from './test-support/topology-builders.js';
import { summarise, summariseAll } from './test-support/route-summary.js';

const drives = ['jbof-d1', 'jbof-d2', 'jbof-d3'];

/**
 * An NVMe-oF target: the JBOF's NIC is one endpoint serving three drives, cabled to leaf-d; hosts
 * h1 and h2 sit on leaf-h, the leaves joined by a spine. d9 is an ordinary drive on leaf-d.
 */
function nvmeFabric(access: { zones?: ZoneSpec[] } = {}): FabricSpec {
  return fabric('nvme', {
    switches: [
      switchWithPorts('leaf-h', ['1', '2', 'up']),
      switchWithPorts('spine', ['1', '2']),
      switchWithPorts('leaf-d', ['1', '2', 'up']),
    ],
    endpoints: [
      initiator('h1-ep', 'h1'),
      initiator('h2-ep', 'h2'),
      sharedTarget('jbof-port', 'jbof-nic', drives),
      target('d9-ep', 'd9'),
    ],
    links: [
      link('h1-ep', 'leaf-h:1'),
      link('h2-ep', 'leaf-h:2'),
      link('leaf-h:up', 'spine:1'),
      link('spine:2', 'leaf-d:up'),
      link('jbof-port', 'leaf-d:1'),
      link('d9-ep', 'leaf-d:2'),
    ],
    ...access,
  });
}

const hostsAndDevices = {
  hosts: [host('h1'), host('h2')],
  devices: ['jbof-nic', ...drives, 'd9'].map((id) => device(id)),
};

describe('computeReachability: a target endpoint serving several devices', () => {
  it('gives the endpoint and every device it serves a route with the same hops and path', () => {
    const index = computeReachability({ fabrics: [nvmeFabric()], ...hostsAndDevices });

    expect(index.devicesReachableFrom('h1').map(summarise)).toEqual([
      'h1 → d9 over nvme in 3 via leaf-h, spine, leaf-d',
      'h1 → jbof-d1 over nvme in 3 via leaf-h, spine, leaf-d',
      'h1 → jbof-d2 over nvme in 3 via leaf-h, spine, leaf-d',
      'h1 → jbof-d3 over nvme in 3 via leaf-h, spine, leaf-d',
      'h1 → jbof-nic over nvme in 3 via leaf-h, spine, leaf-d',
    ]);
    expect(index.hostsReaching('jbof-d2').map(summarise)).toEqual([
      'h1 → jbof-d2 over nvme in 3 via leaf-h, spine, leaf-d',
      'h2 → jbof-d2 over nvme in 3 via leaf-h, spine, leaf-d',
    ]);
    expect(index.size).toBe(2 * 5);
  });

  it('removes every served device from a host the endpoint is zoned away from', () => {
    // given h1 zoned with the JBOF's port, h2 only with d9
    const zones = [
      { id: 'z1', endpointIds: ['h1-ep', 'jbof-port'] },
      { id: 'z2', endpointIds: ['h2-ep', 'd9-ep'] },
    ];

    const index = computeReachability({ fabrics: [nvmeFabric({ zones })], ...hostsAndDevices });

    expect(index.devicesReachableFrom('h1').map((route) => route.deviceId)).toEqual([
      'jbof-d1',
      'jbof-d2',
      'jbof-d3',
      'jbof-nic',
    ]);
    expect(index.devicesReachableFrom('h2').map((route) => route.deviceId)).toEqual(['d9']);
  });

  it('grants every served device through a connection naming the endpoint', () => {
    const zoned = nvmeFabric({ zones: [{ id: 'z2', endpointIds: ['h2-ep', 'd9-ep'] }] });
    const connections = [
      { id: 'c1', initiatorEndpointIds: ['h2-ep'], targetEndpointIds: ['jbof-port'] },
    ];

    const index = computeReachability({
      fabrics: [{ ...zoned, connections }],
      ...hostsAndDevices,
    });

    expect(index.devicesReachableFrom('h1')).toEqual([]);
    expect(index.devicesReachableFrom('h2').map((route) => route.deviceId)).toEqual([
      'd9',
      'jbof-d1',
      'jbof-d2',
      'jbof-d3',
      'jbof-nic',
    ]);
  });

  it('ignores a served id that names no known device, and still serves the others', () => {
    const spec = nvmeFabric();
    const withUnknown = {
      ...spec,
      endpoints: spec.endpoints.map((endpoint) =>
        endpoint.id === 'jbof-port'
          ? sharedTarget('jbof-port', 'jbof-nic', ['jbof-d1', 'no-such-drive'])
          : endpoint,
      ),
    };

    const index = computeReachability({ fabrics: [withUnknown], ...hostsAndDevices });

    expect(index.devicesReachableFrom('h1').map((route) => route.deviceId)).toEqual([
      'd9',
      'jbof-d1',
      'jbof-nic',
    ]);
    expect(index.hostsReaching('no-such-drive')).toEqual([]);
  });

  it('serves the devices of an endpoint whose own device is unknown', () => {
    // given the inventory knows the drives but not yet the JBOF's NIC
    const devices = hostsAndDevices.devices.filter((spec) => spec.id !== 'jbof-nic');

    const index = computeReachability({
      fabrics: [nvmeFabric()],
      hosts: [host('h1')],
      devices,
    });

    expect(index.devicesReachableFrom('h1').map((route) => route.deviceId)).toEqual([
      'd9',
      ...drives,
    ]);
  });

  it('takes the best path to a device served by two endpoints (two subsystem ports)', () => {
    // given jbof-d1 also served by a second port, cabled to the hosts' own leaf
    const spec = nvmeFabric();
    const multipath = {
      ...spec,
      switches: spec.switches.map((each) =>
        each.id === 'leaf-h' ? switchWithPorts('leaf-h', ['1', '2', '3', 'up']) : each,
      ),
      endpoints: [...spec.endpoints, sharedTarget('jbof-port2', 'jbof-nic2', ['jbof-d1'])],
      links: [...spec.links, link('jbof-port2', 'leaf-h:3')],
    };

    const index = computeReachability({ fabrics: [multipath], ...hostsAndDevices });

    expect(index.hostsReaching('jbof-d1').map(summarise)).toEqual([
      'h1 → jbof-d1 over nvme in 1 via leaf-h',
      'h2 → jbof-d1 over nvme in 1 via leaf-h',
    ]);
  });

  it('does not let an initiator serve devices', () => {
    // given the drives listed on h2's initiator instead of the JBOF's port
    const spec = nvmeFabric();
    const hostServing = {
      ...spec,
      endpoints: spec.endpoints.map((endpoint) => {
        if (endpoint.id === 'h2-ep') return { ...endpoint, servesDeviceIds: drives };
        return endpoint.id === 'jbof-port' ? target('jbof-port', 'jbof-nic') : endpoint;
      }),
    };

    const index = computeReachability({ fabrics: [hostServing], ...hostsAndDevices });

    expect(drives.flatMap((drive) => index.hostsReaching(drive))).toEqual([]);
    expect(index.devicesReachableFrom('h1').map((route) => route.deviceId)).toEqual([
      'd9',
      'jbof-nic',
    ]);
  });
});

describe('routesOfFabric: a target endpoint serving several devices', () => {
  it('routes to the served devices before the inventory knows them', () => {
    const routes = routesOfFabric(nvmeFabric()).filter((route) => route.hostId === 'h2');

    expect(routes.map(summarise)).toEqual([
      'h2 → d9 over nvme in 3 via leaf-h, spine, leaf-d',
      'h2 → jbof-d1 over nvme in 3 via leaf-h, spine, leaf-d',
      'h2 → jbof-d2 over nvme in 3 via leaf-h, spine, leaf-d',
      'h2 → jbof-d3 over nvme in 3 via leaf-h, spine, leaf-d',
      'h2 → jbof-nic over nvme in 3 via leaf-h, spine, leaf-d',
    ]);
  });

  it('agrees with computeReachability once every host and device is known', () => {
    const index = computeReachability({ fabrics: [nvmeFabric()], ...hostsAndDevices });

    expect(routesOfFabric(nvmeFabric()).map(summarise)).toEqual(summariseAll(index));
  });
});
