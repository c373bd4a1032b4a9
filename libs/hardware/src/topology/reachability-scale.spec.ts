import { describe, expect, it } from 'vitest';
import { computeReachability } from './reachability.js';
import { summarise } from './test-support/route-summary.js';
import { syntheticSite } from './test-support/synthetic-site.js';

describe('computeReachability at site scale', () => {
  it('bounds reach by zone on a fabric of 2,000 hosts and 20,000 devices', () => {
    // given 40 zones of 50 hosts and 500 devices, every host cabled to every device
    const site = syntheticSite({
      zones: 40,
      hostsPerZone: 50,
      devicesPerZone: 500,
      devicesPerLeaf: 250,
    });
    expect(site.hosts).toHaveLength(2_000);
    expect(site.devices).toHaveLength(20_000);

    // when
    const index = computeReachability({ fabrics: [site.fabric], ...site });

    // then each host reaches exactly the 500 devices of its zone, through two leaves and a spine
    expect(index.size).toBe(2_000 * 500);
    const fromFirstHost = index.devicesReachableFrom('z7-h3');
    expect(fromFirstHost).toHaveLength(500);
    expect(fromFirstHost.every((route) => route.deviceId.startsWith('z7-d'))).toBe(true);
    expect(fromFirstHost.every((route) => route.hops === 3)).toBe(true);
    expect(index.devicesReachableFrom('z7-h3').map(summarise)).toContain(
      'z7-h3 → z7-d499 over site-fabric in 3 via leaf-z7-h, spine-0, leaf-z7-d1',
    );

    // and each device is reached by exactly the 50 hosts of its zone
    const toLastDevice = index.hostsReaching('z39-d499');
    expect(toLastDevice).toHaveLength(50);
    expect(toLastDevice.every((route) => route.hostId.startsWith('z39-h'))).toBe(true);
  });
});
