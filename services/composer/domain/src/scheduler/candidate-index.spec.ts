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

  it('clones into an index that changes independently of the original', () => {
    const index = new CandidateIndex();
    index.upsertDevice(device('g1', { enclosureId: 'e1' }));
    index.upsertDevice(device('g2', { enclosureId: 'e1' }));
    index.upsertHost(host('h1'));
    index.setRoutes('h1', [route('g1'), route('g2')]);
    const copy = index.clone();

    copy.setAllocations('g1', 1);
    copy.removeDevice('g2');
    copy.setRoutes('h2', [route('g1')]);

    expect(reachableIds(index, 'h1')).toEqual(['g1', 'g2']);
    expect(index.allocationsOf('g1')).toBe(0);
    expect(index.enclosureUtilization('e1')).toBe(0);
    expect(reachableIds(index, 'h2')).toEqual([]);
    expect(reachableIds(copy, 'h1')).toEqual(['g1']);
    expect(copy.enclosureUtilization('e1')).toBe(1);
    expect(copy.hosts().map((h) => h.id)).toEqual(['h1']);
  });

  it('counts a device promised to a lease as full, and gives its real count to window questions', () => {
    const index = new CandidateIndex();
    index.upsertDevice(device('g1', { enclosureId: 'e1', maxCompositions: 4 }));
    index.upsertDevice(device('g2', { enclosureId: 'e1' }));
    index.upsertHost(host('h1'));
    index.setRoutes('h1', [route('g1'), route('g2')]);
    index.setAllocations('g1', 1);
    index.setLeasePromise('g1', 4);
    index.setLeasePromise('g2', 1);

    expect(index.reachable('h1', 'gpu').map((c) => c.allocations)).toEqual([4, 1]);
    expect(index.enclosureUtilization('e1')).toBe(1);
    index.addAllocations('g1', 1);
    expect(index.allocationsOf('g1')).toBe(4);

    const window = index.withoutLeasePromises();
    expect(window.reachable('h1', 'gpu').map((c) => c.allocations)).toEqual([2, 0]);
    expect(window.enclosureUtilization('e1')).toBe(0.5);
    expect(index.allocationsOf('g2')).toBe(1);

    index.setLeasePromise('g2', undefined);
    index.setAllocations('g1', 0);
    expect(index.reachable('h1', 'gpu').map((c) => c.allocations)).toEqual([4, 0]);
    index.setLeasePromise('g1', undefined);
    expect(index.enclosureUtilization('e1')).toBe(0);
  });

  it('prepares every host’s lists as asking for them would, and clones their usage apart', () => {
    const index = new CandidateIndex();
    for (const id of ['g2', 'g1']) index.upsertDevice(device(id));
    index.upsertDevice(device('n1', { kind: 'nvme' }));
    index.upsertHost(host('h1'));
    index.upsertHost(host('h2'));
    index.setRoutes('h1', [route('g2'), route('g1'), route('n1')]);
    index.setRoutes('h2', [route('g1')]);
    index.prepareLists();
    const copy = index.clone();
    copy.prepareLists();

    copy.setAllocations('g1', 1);

    expect(reachableIds(index, 'h1')).toEqual(['g1', 'g2']);
    expect(reachableIds(index, 'h1', 'nvme')).toEqual(['n1']);
    expect(index.reachable('h2', 'gpu').map((c) => c.allocations)).toEqual([0]);
    expect(copy.reachable('h2', 'gpu').map((c) => c.allocations)).toEqual([1]);
    expect(copy.reachable('h1', 'gpu').map((c) => c.allocations)).toEqual([1, 0]);
  });

  it('keeps the lists it hands out current as usage, records and routes change', () => {
    const index = new CandidateIndex();
    for (const id of ['g1', 'g2', 'g3']) index.upsertDevice(device(id));
    index.setRoutes('h1', [route('g1'), route('g2'), route('g3')]);
    index.setRoutes('h2', [route('g2')]);
    const usage = (hostId: string) =>
      index.reachable(hostId, 'gpu').map((c) => [c.device.id, c.allocations]);

    expect(usage('h1')).toEqual([
      ['g1', 0],
      ['g2', 0],
      ['g3', 0],
    ]);
    index.setAllocations('g2', 1);
    expect(usage('h1')).toEqual([
      ['g1', 0],
      ['g2', 1],
      ['g3', 0],
    ]);
    expect(usage('h2')).toEqual([['g2', 1]]);
    index.upsertDevice(device('g3', { kind: 'nvme' }));
    expect(usage('h1')).toEqual([
      ['g1', 0],
      ['g2', 1],
    ]);
    index.setRoutes('h1', [route('g1')]);
    expect(usage('h1')).toEqual([['g1', 0]]);
    index.removeDevice('g1');
    expect(usage('h1')).toEqual([]);
  });

  it('keeps the share of what a host reaches in use equal to counting it', () => {
    const index = new CandidateIndex();
    const counted = (hostId: string) => {
      const known = ['g1', 'g2', 'g3', 'g4'].filter(
        (id) => index.route(hostId, id) && index.device(id),
      );
      const inUse = known.filter((id) => index.allocationsOf(id) > 0);
      return known.length > 0 ? inUse.length / known.length : 0;
    };
    const steps: (() => void)[] = [
      () => {
        index.setRoutes('h1', [route('g1'), route('g2'), route('g3')]);
      },
      () => {
        index.upsertDevice(device('g1'));
      },
      () => {
        index.setAllocations('g1', 1);
      },
      () => {
        index.upsertDevice(device('g2'));
      },
      () => {
        index.setAllocations('g3', 1);
      },
      () => {
        index.upsertDevice(device('g3'));
      },
      () => {
        index.upsertDevice(device('g3', { enclosureId: 'e2' }));
      },
      () => {
        index.setRoutes('h1', [route('g2'), route('g3'), route('g4')]);
      },
      () => {
        index.upsertDevice(device('g4'));
      },
      () => {
        index.setAllocations('g3', 0);
      },
      () => {
        index.removeDevice('g2');
      },
      () => {
        index.removeHost('h1');
      },
    ];
    for (const step of steps) {
      step();
      expect(index.reachableUtilization('h1')).toBe(counted('h1'));
    }
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
