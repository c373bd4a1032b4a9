import { describe, expect, it } from 'vitest';
import { type ConnectionSpec, type FabricSpec, type ZoneSpec } from '../model/index.js';
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
import { summariseAll } from './test-support/route-summary.js';

/** h1, h2, d1 and d2 all cabled to one switch: only access control separates them. */
function oneSwitch(access: { zones?: ZoneSpec[]; connections?: ConnectionSpec[] }): FabricSpec {
  return fabric('f1', {
    switches: [switchWithPorts('sw1', ['1', '2', '3', '4'])],
    endpoints: [
      initiator('h1-ep', 'h1'),
      initiator('h2-ep', 'h2'),
      target('d1-ep', 'd1'),
      target('d2-ep', 'd2'),
    ],
    links: [
      link('h1-ep', 'sw1:1'),
      link('h2-ep', 'sw1:2'),
      link('d1-ep', 'sw1:3'),
      link('d2-ep', 'sw1:4'),
    ],
    ...access,
  });
}

function reachability(f1: FabricSpec): string[] {
  return summariseAll(
    computeReachability({
      fabrics: [f1],
      hosts: [host('h1'), host('h2')],
      devices: [device('d1'), device('d2')],
    }),
  );
}

describe('computeReachability: zones and connections', () => {
  it('lets every host reach every device on an unzoned fabric', () => {
    expect(reachability(oneSwitch({}))).toEqual([
      'h1 → d1 over f1 in 1 via sw1',
      'h1 → d2 over f1 in 1 via sw1',
      'h2 → d1 over f1 in 1 via sw1',
      'h2 → d2 over f1 in 1 via sw1',
    ]);
  });

  it('treats an empty zone list as unzoned', () => {
    expect(reachability(oneSwitch({ zones: [] }))).toHaveLength(4);
  });

  it('lets a host reach only the devices it shares a zone with', () => {
    // given h1 zoned with d1 and h2 with d2
    const zones = [
      { id: 'z1', endpointIds: ['h1-ep', 'd1-ep'] },
      { id: 'z2', endpointIds: ['h2-ep', 'd2-ep'] },
    ];

    // when / then
    expect(reachability(oneSwitch({ zones }))).toEqual([
      'h1 → d1 over f1 in 1 via sw1',
      'h2 → d2 over f1 in 1 via sw1',
    ]);
  });

  it('leaves an endpoint in no zone unreachable on a zoned fabric', () => {
    const zones = [{ id: 'z1', endpointIds: ['h1-ep', 'd1-ep'] }];

    expect(reachability(oneSwitch({ zones }))).toEqual(['h1 → d1 over f1 in 1 via sw1']);
  });

  it('lets an endpoint in several zones reach the members of each', () => {
    const zones = [
      { id: 'z1', endpointIds: ['h1-ep', 'd1-ep'] },
      { id: 'z2', endpointIds: ['h1-ep', 'h2-ep', 'd2-ep'] },
    ];

    expect(reachability(oneSwitch({ zones }))).toEqual([
      'h1 → d1 over f1 in 1 via sw1',
      'h1 → d2 over f1 in 1 via sw1',
      'h2 → d2 over f1 in 1 via sw1',
    ]);
  });

  it('grants access across zones through a connection, from its initiators to its targets only', () => {
    // given h1 zoned with d1, h2 with d2, and a connection from h1 to d2
    const zones = [
      { id: 'z1', endpointIds: ['h1-ep', 'd1-ep'] },
      { id: 'z2', endpointIds: ['h2-ep', 'd2-ep'] },
    ];
    const connections = [
      { id: 'c1', initiatorEndpointIds: ['h1-ep'], targetEndpointIds: ['d2-ep'] },
    ];

    // when / then: h1 now reaches d2 as well, and h2 still does not reach d1
    expect(reachability(oneSwitch({ zones, connections }))).toEqual([
      'h1 → d1 over f1 in 1 via sw1',
      'h1 → d2 over f1 in 1 via sw1',
      'h2 → d2 over f1 in 1 via sw1',
    ]);
  });

  it('does not let access stand in for cabling', () => {
    // given h1 zoned with d3, which is on the fabric but cabled to nothing
    const f1 = oneSwitch({ zones: [{ id: 'z1', endpointIds: ['h1-ep', 'd3-ep'] }] });
    const withD3 = { ...f1, endpoints: [...f1.endpoints, target('d3-ep', 'd3')] };

    const index = computeReachability({
      fabrics: [withD3],
      hosts: [host('h1')],
      devices: [device('d3')],
    });

    expect(index.size).toBe(0);
    expect(index.devicesReachableFrom('h1')).toEqual([]);
  });
});
