import { describe, expect, it } from 'vitest';
import { computeReachability } from './reachability.js';
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

describe('computeReachability: paths', () => {
  it('reaches a device local to the host with no fabric, 0 hops and an empty path', () => {
    // given a GPU sitting in host h1
    const input = { fabrics: [], hosts: [host('h1')], devices: [device('gpu1', { hostId: 'h1' })] };

    // when
    const index = computeReachability(input);

    // then
    expect(index.devicesReachableFrom('h1')).toEqual([
      { hostId: 'h1', deviceId: 'gpu1', fabricId: 'local', hops: 0, switchPath: [] },
    ]);
    expect(index.size).toBe(1);
  });

  it('reaches a device cabled straight to the host in 0 hops', () => {
    const f1 = fabric('f1', {
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1')],
      links: [link('h1-ep', 'd1-ep')],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1')],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 0']);
  });

  it('reaches a device on the same switch in 1 hop through that switch', () => {
    const f1 = fabric('f1', {
      switches: [switchWithPorts('sw1', ['p1', 'p2'])],
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1')],
      links: [link('h1-ep', 'sw1:p1'), link('d1-ep', 'sw1:p2')],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1')],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 1 via sw1']);
  });

  it('counts two switches as 2 hops and lists them from the host side, from either end', () => {
    // given h1 on leaf-z, d1 on leaf-a, the leaves joined by a cable: ids sort against the path
    const f1 = fabric('f1', {
      switches: [switchWithPorts('leaf-z', ['p1', 'up']), switchWithPorts('leaf-a', ['p1', 'up'])],
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1')],
      links: [
        link('h1-ep', 'leaf-z:p1'),
        link('leaf-z:up', 'leaf-a:up'),
        link('d1-ep', 'leaf-a:p1'),
      ],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1')],
    });

    expect(index.devicesReachableFrom('h1').map(summarise)).toEqual([
      'h1 → d1 over f1 in 2 via leaf-z, leaf-a',
    ]);
    expect(index.hostsReaching('d1').map(summarise)).toEqual([
      'h1 → d1 over f1 in 2 via leaf-z, leaf-a',
    ]);
  });

  it('takes the shortest of several paths', () => {
    // given h1 → a → b → d1 and a detour a → c → e → b
    const switches = ['a', 'b', 'c', 'e'].map((id) => switchWithPorts(id, ['1', '2', '3']));
    const f1 = fabric('f1', {
      switches,
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1')],
      links: [
        link('h1-ep', 'a:1'),
        link('a:2', 'c:1'),
        link('c:2', 'e:1'),
        link('e:2', 'b:2'),
        link('a:3', 'b:3'),
        link('d1-ep', 'b:1'),
      ],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1')],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 2 via a, b']);
  });

  it('does not cross a switch between ports of different partitions', () => {
    // given sw1 split into left (p1, p2) and right (p3, p4); h1 on p1, d1 on p2, d2 on p3
    const sw1 = switchWithPorts(
      'sw1',
      ['p1', 'p2', 'p3', 'p4'],
      [
        { id: 'left', portIds: ['p1', 'p2'] },
        { id: 'right', portIds: ['p3', 'p4'] },
      ],
    );
    const f1 = fabric('f1', {
      switches: [sw1],
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1'), target('d2-ep', 'd2')],
      links: [link('h1-ep', 'sw1:p1'), link('d1-ep', 'sw1:p2'), link('d2-ep', 'sw1:p3')],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1'), device('d2')],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 1 via sw1']);
  });

  it('reaches the other partition of a switch by going round through another switch', () => {
    // given sw1 left (p1, p2) and right (p3, p4), with sw2 cabled to p2 and p3
    const sw1 = switchWithPorts(
      'sw1',
      ['p1', 'p2', 'p3', 'p4'],
      [
        { id: 'left', portIds: ['p1', 'p2'] },
        { id: 'right', portIds: ['p3', 'p4'] },
      ],
    );
    const f1 = fabric('f1', {
      switches: [sw1, switchWithPorts('sw2', ['x', 'y'])],
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1')],
      links: [
        link('h1-ep', 'sw1:p1'),
        link('sw1:p2', 'sw2:x'),
        link('sw2:y', 'sw1:p3'),
        link('d1-ep', 'sw1:p4'),
      ],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1')],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 3 via sw1, sw2, sw1']);
  });

  it('gives a pair joined by several fabrics one route per fabric, shortest first', () => {
    // given h1 and d1 on pcie through two switches, on nvme-tcp through one, and d1 also local
    const pcie = fabric('pcie-1', {
      switches: [switchWithPorts('a', ['1', '2']), switchWithPorts('b', ['1', '2'])],
      endpoints: [initiator('h1-pcie', 'h1'), target('d1-pcie', 'd1')],
      links: [link('h1-pcie', 'a:1'), link('a:2', 'b:2'), link('d1-pcie', 'b:1')],
    });
    const tcp = fabric('nvme-tcp-1', {
      switches: [switchWithPorts('tor', ['1', '2'])],
      endpoints: [initiator('h1-tcp', 'h1'), target('d1-tcp', 'd1')],
      links: [link('h1-tcp', 'tor:1'), link('d1-tcp', 'tor:2')],
    });

    const index = computeReachability({
      fabrics: [pcie, tcp],
      hosts: [host('h1')],
      devices: [device('d1', { hostId: 'h1' })],
    });

    const expected = [
      'h1 → d1 over local in 0',
      'h1 → d1 over nvme-tcp-1 in 1 via tor',
      'h1 → d1 over pcie-1 in 2 via a, b',
    ];
    expect(index.devicesReachableFrom('h1').map(summarise)).toEqual(expected);
    expect(index.hostsReaching('d1').map(summarise)).toEqual(expected);
    expect(index.size).toBe(3);
  });

  it('gives a host with two initiators one route per device, the best over both', () => {
    const f1 = fabric('f1', {
      switches: [switchWithPorts('a', ['1', '2']), switchWithPorts('b', ['1', '2', '3'])],
      endpoints: [initiator('h1-port0', 'h1'), initiator('h1-port1', 'h1'), target('d1-ep', 'd1')],
      links: [
        link('h1-port0', 'a:1'),
        link('a:2', 'b:2'),
        link('h1-port1', 'b:3'),
        link('d1-ep', 'b:1'),
      ],
    });

    const index = computeReachability({
      fabrics: [f1],
      hosts: [host('h1')],
      devices: [device('d1')],
    });

    expect(summariseAll(index)).toEqual(['h1 → d1 over f1 in 1 via b']);
  });

  it('breaks ties between equally short paths by id, whatever the order of the spec', () => {
    // given two spines joining the leaves: spine-1 and spine-2
    const spec = fabric('f1', {
      switches: ['leaf-h', 'leaf-d', 'spine-2', 'spine-1'].map((id) =>
        switchWithPorts(id, ['1', '2', '3']),
      ),
      endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1')],
      links: [
        link('h1-ep', 'leaf-h:1'),
        link('leaf-h:3', 'spine-2:1'),
        link('leaf-h:2', 'spine-1:1'),
        link('leaf-d:3', 'spine-2:2'),
        link('leaf-d:2', 'spine-1:2'),
        link('d1-ep', 'leaf-d:1'),
      ],
    });
    const reversed = {
      ...spec,
      switches: [...spec.switches].reverse(),
      links: [...spec.links].reverse(),
    };

    const hostsAndDevices = { hosts: [host('h1')], devices: [device('d1')] };
    const routes = summariseAll(computeReachability({ fabrics: [spec], ...hostsAndDevices }));
    const fromReversed = summariseAll(
      computeReachability({ fabrics: [reversed], ...hostsAndDevices }),
    );

    expect(routes).toEqual(['h1 → d1 over f1 in 3 via leaf-h, spine-1, leaf-d']);
    expect(fromReversed).toEqual(routes);
  });
});
