import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index.js';
import { device, host, route } from './test-support/pool.js';

const reachableIds = (index: CandidateIndex, hostId: string, kind: 'gpu' | 'nvme' = 'gpu') =>
  index.reachable(hostId, kind).map((c) => c.device.id);

describe('CandidateIndex', () => {
  it('lists what a host reaches by kind, in id order, with route and usage', () => {
    const index = new CandidateIndex();
    index.upsertDevice(device('g2'));
    index.upsertDevice(device('g1'));
    index.upsertDevice(device('n1', { kind: 'nvme' }));
    index.setRoutes('h1', [route('g2', ['sw1', 'sw2']), route('g1'), route('n1')]);
    index.setAllocations('g2', 2);

    expect(reachableIds(index, 'h1')).toEqual(['g1', 'g2']);
    expect(reachableIds(index, 'h1', 'nvme')).toEqual(['n1']);
    expect(index.reachable('h1', 'gpu')[1]).toMatchObject({ route: { hops: 2 }, allocations: 2 });
    expect(reachableIds(index, 'h2')).toEqual([]);
  });

  it('counts a route once its device is known, and keeps it across removal', () => {
    const index = new CandidateIndex();
    index.setRoutes('h1', [route('g1')]);
    expect(reachableIds(index, 'h1')).toEqual([]);
    index.upsertDevice(device('g1'));
    expect(reachableIds(index, 'h1')).toEqual(['g1']);
    index.removeDevice('g1');
    expect(reachableIds(index, 'h1')).toEqual([]);
    index.upsertDevice(device('g1'));
    expect(reachableIds(index, 'h1')).toEqual(['g1']);
  });

  it('moves a device between kinds when its record changes', () => {
    const index = new CandidateIndex();
    index.upsertDevice(device('d1'));
    index.setRoutes('h1', [route('d1')]);
    index.upsertDevice(device('d1', { kind: 'nvme' }));
    expect(reachableIds(index, 'h1')).toEqual([]);
    expect(reachableIds(index, 'h1', 'nvme')).toEqual(['d1']);
  });

  it('replaces a host’s routes and keeps the shortest of several to one device', () => {
    const index = new CandidateIndex();
    index.upsertDevice(device('g1'));
    index.upsertDevice(device('g2'));
    index.setRoutes('h1', [route('g1', ['a', 'b', 'c']), route('g1', ['a'])]);
    expect(index.route('h1', 'g1')?.switchPath).toEqual(['a']);
    index.setRoutes('h1', [route('g2')]);
    expect(reachableIds(index, 'h1')).toEqual(['g2']);
    expect(index.route('h1', 'g1')).toBeUndefined();
  });

  it('keeps hosts in id order and forgets a removed host’s routes', () => {
    const index = new CandidateIndex();
    index.upsertHost(host('h2'));
    index.upsertHost(host('h1'));
    index.upsertDevice(device('g1'));
    index.setRoutes('h2', [route('g1')]);
    expect(index.hosts().map((h) => h.id)).toEqual(['h1', 'h2']);
    index.removeHost('h2');
    expect(index.hosts().map((h) => h.id)).toEqual(['h1']);
    expect(reachableIds(index, 'h2')).toEqual([]);
  });

  it('tracks enclosure and reachable utilization as usage and devices change', () => {
    const index = new CandidateIndex();
    index.setAllocations('g1', 1);
    index.upsertDevice(device('g1'));
    index.upsertDevice(device('g2'));
    index.setRoutes('h1', [route('g1'), route('g2')]);
    expect(index.enclosureUtilization('e1')).toBe(0.5);
    expect(index.reachableUtilization('h1')).toBe(0.5);

    index.addAllocations('g2', 1);
    expect(index.enclosureUtilization('e1')).toBe(1);
    index.removeDevice('g1');
    expect(index.enclosureUtilization('e1')).toBe(1);
    index.setAllocations('g2', 0);
    expect(index.enclosureUtilization('e1')).toBe(0);
    expect(index.reachableUtilization('h1')).toBe(0);
  });
});
