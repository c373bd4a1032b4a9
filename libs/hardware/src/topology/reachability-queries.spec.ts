import { describe, expect, it } from 'vitest';
import { computeReachability } from './reachability.js';
import { type Route } from './route.js';
import {
  device,
  fabric,
  host,
  initiator,
  link,
  switchWithPorts,
  target,
} from './test-support/topology-builders.js';
import { summarise, summariseAll } from './test-support/route-summary.js';
import { syntheticSite } from './test-support/synthetic-site.js';

describe('computeReachability: queries', () => {
  it('answers the same routes from the host side and from the device side', () => {
    // given a small zoned site, one connection across zones, and local devices
    const site = syntheticSite({ zones: 3, hostsPerZone: 2, devicesPerZone: 4, devicesPerLeaf: 3 });
    const crossZone = {
      id: 'c1',
      initiatorEndpointIds: ['z0-h0-ep'],
      targetEndpointIds: ['z2-d3-ep'],
    };
    const siteFabric = { ...site.fabric, connections: [crossZone] };
    const localGpus = [device('gpu-a', { hostId: 'z0-h0' }), device('gpu-b', { hostId: 'z1-h1' })];

    // when
    const index = computeReachability({
      fabrics: [siteFabric],
      hosts: site.hosts,
      devices: [...site.devices, ...localGpus],
    });

    // then
    const all = [...index.routes()].map(summarise).sort();
    const fromHosts = site.hosts.flatMap((h) => index.devicesReachableFrom(h.id)).map(summarise);
    const toDevices = [...site.devices, ...localGpus]
      .flatMap((d) => index.hostsReaching(d.id))
      .map(summarise);
    expect(fromHosts.sort()).toEqual(all);
    expect(toDevices.sort()).toEqual(all);
    expect(index.size).toBe(3 * 2 * 4 + 1 + 2);
    expect(all).toContain('z0-h0 → z2-d3 over site-fabric in 3 via leaf-z0-h, spine-0, leaf-z2-d1');
  });

  it('lists a host’s devices nearest first', () => {
    const f1 = fabric('f1', {
      switches: [switchWithPorts('a', ['1', '2', '3']), switchWithPorts('b', ['1', '2'])],
      endpoints: [
        initiator('h1-ep', 'h1'),
        target('far-ep', 'aaa-far'),
        target('near-ep', 'zzz-near'),
      ],
      links: [
        link('h1-ep', 'a:1'),
        link('near-ep', 'a:2'),
        link('a:3', 'b:1'),
        link('far-ep', 'b:2'),
      ],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('aaa-far'), device('zzz-near'), device('local', { hostId: 'h1' })],
    });

    expect(index.devicesReachableFrom('h1').map((route: Route) => route.deviceId)).toEqual([
      'local',
      'zzz-near',
      'aaa-far',
    ]);
  });

  it('answers an unknown host or device with no routes', () => {
    const index = computeReachability({ fabrics: [], hosts: [], devices: [] });

    expect(index.devicesReachableFrom('nobody')).toEqual([]);
    expect(index.hostsReaching('nothing')).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('ignores dangling references instead of throwing', () => {
    // given one good path h1 → sw1 → d1, and references to things nobody declared
    const f1 = fabric('f1', {
      switches: [switchWithPorts('sw1', ['p1', 'p2', 'p3'])],
      endpoints: [
        initiator('h1-ep', 'h1'),
        target('d1-ep', 'd1'),
        initiator('ghost-host-ep', 'ghost-host'),
        target('ghost-device-ep', 'ghost-device'),
        { id: 'odd-ep', role: 'initiator', entity: { type: 'device', id: 'd2' } },
      ],
      links: [
        link('h1-ep', 'sw1:p1'),
        link('d1-ep', 'sw1:p2'),
        link('ghost-host-ep', 'sw1:p3'),
        link('ghost-device-ep', 'sw1:p3'),
        link('odd-ep', 'sw1:p3'),
        link('h1-ep', 'no-such-switch:p1'),
        link('sw1:no-such-port', 'undeclared-ep'),
        link('h1-ep', 'undeclared-ep'),
      ],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1'), device('d2'), device('stray', { hostId: 'ghost-host' })],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 1 via sw1']);
  });
});
