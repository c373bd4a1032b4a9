import { describe, expect, it } from 'vitest';
import { type FabricSpec } from '../model/index.js';
import { computeReachability } from './reachability.js';
import { diffReachability } from './reachability-diff.js';
import {
  device,
  fabric,
  host,
  initiator,
  link,
  switchWithPorts,
  target,
} from './test-support/topology-builders.js';
import { summarise } from './test-support/route-summary.js';

/** h1 on leaf-1, d1 and d2 on leaf-2, the leaves joined directly and through a spine. */
const site = fabric('f1', {
  switches: ['leaf-1', 'leaf-2', 'spine'].map((id) => switchWithPorts(id, ['1', '2', '3', '4'])),
  endpoints: [initiator('h1-ep', 'h1'), target('d1-ep', 'd1'), target('d2-ep', 'd2')],
  links: [
    link('h1-ep', 'leaf-1:1'),
    link('leaf-1:2', 'leaf-2:2'),
    link('leaf-1:3', 'spine:1'),
    link('spine:2', 'leaf-2:3'),
    link('d1-ep', 'leaf-2:1'),
    link('d2-ep', 'leaf-2:4'),
  ],
  zones: [{ id: 'z1', endpointIds: ['h1-ep', 'd1-ep'] }],
});

function reachabilityOf(...fabrics: FabricSpec[]) {
  return computeReachability({
    fabrics,
    hosts: [host('h1')],
    devices: [device('d1'), device('d2')],
  });
}

function withoutLink(spec: FabricSpec, a: string, b: string): FabricSpec {
  const unwanted = JSON.stringify(link(a, b));
  return { ...spec, links: spec.links.filter((l) => JSON.stringify(l) !== unwanted) };
}

describe('diffReachability', () => {
  it('reports a device lost from a host when the link to it is removed', () => {
    // given h1 reaches d1
    const before = reachabilityOf(site);

    // when d1's cable is pulled
    const after = reachabilityOf(withoutLink(site, 'd1-ep', 'leaf-2:1'));

    // then
    const diff = diffReachability(before, after);
    expect(diff.lost.map(summarise)).toEqual(['h1 → d1 over f1 in 2 via leaf-1, leaf-2']);
    expect(diff.gained).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it('reports a device gained when it joins the host’s zone', () => {
    const before = reachabilityOf(site);

    const after = reachabilityOf({
      ...site,
      zones: [{ id: 'z1', endpointIds: ['h1-ep', 'd1-ep', 'd2-ep'] }],
    });

    const diff = diffReachability(before, after);
    expect(diff.gained.map(summarise)).toEqual(['h1 → d2 over f1 in 2 via leaf-1, leaf-2']);
    expect(diff.lost).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it('reports a route changed, as it now is, when the shortest path gets longer', () => {
    const before = reachabilityOf(site);

    const after = reachabilityOf(withoutLink(site, 'leaf-1:2', 'leaf-2:2'));

    const diff = diffReachability(before, after);
    expect(diff.changed.map(summarise)).toEqual(['h1 → d1 over f1 in 3 via leaf-1, spine, leaf-2']);
    expect(diff.gained).toEqual([]);
    expect(diff.lost).toEqual([]);
  });

  it('loses only the fabric that stopped joining a pair reached over two', () => {
    // given h1 reaches d1 over f1 and over a direct cable on f2
    const f2 = fabric('f2', {
      endpoints: [initiator('h1-f2', 'h1'), target('d1-f2', 'd1')],
      links: [link('h1-f2', 'd1-f2')],
    });
    const before = reachabilityOf(site, f2);

    // when f2's cable is pulled
    const after = reachabilityOf(site, { ...f2, links: [] });

    // then d1 is still reachable, over f1 only
    expect(diffReachability(before, after).lost.map(summarise)).toEqual(['h1 → d1 over f2 in 0']);
    expect(after.devicesReachableFrom('h1').map(summarise)).toEqual([
      'h1 → d1 over f1 in 2 via leaf-1, leaf-2',
    ]);
  });

  it('reports nothing when the same topology is listed in another order', () => {
    const before = reachabilityOf(site);

    const after = reachabilityOf({
      ...site,
      switches: [...site.switches].reverse(),
      endpoints: [...site.endpoints].reverse(),
      links: [...site.links].reverse(),
    });

    expect(diffReachability(before, after)).toEqual({ gained: [], lost: [], changed: [] });
  });
});
