import { describe, expect, it } from 'vitest';
import {
  deviceSpec,
  indexView,
  itemEvent,
  registered,
  schedulableDevices,
  smallLabEvents,
  starFabric,
} from '../../test-support/pool-fixture.js';
import { PoolIndex } from './pool-index.js';

const allDevices = ['g1', 'g2', 'g3', 'n1', 'n2', 'l1', 'g9'];

function labPool(): PoolIndex {
  const pool = new PoolIndex();
  pool.applyEvents(smallLabEvents());
  return pool;
}

describe('PoolIndex: the scheduler index fed by inventory item events', () => {
  it('maps item states to device and host records with their placement', () => {
    const { index } = labPool();
    expect(index.device('g3')).toEqual({
      id: 'g3',
      kind: 'gpu',
      vendor: 'Acme',
      model: 'G80',
      attributes: { memoryGiB: 80 },
      labels: {},
      health: 'ok',
      lifecycle: 'available',
      schedulable: true,
      maxCompositions: 1,
      enclosureId: 'e2',
      rackId: 'r2',
      siteId: 's1',
    });
    expect(index.device('l1')).toMatchObject({ rackId: 'r1', siteId: 's1' });
    expect(index.host('h2')).toEqual({
      id: 'h2',
      cores: 64,
      memoryGiB: 512,
      labels: {},
      rackId: 'r2',
      siteId: 's1',
      health: 'ok',
      lifecycle: 'available',
      schedulable: true,
    });
    expect(index.hosts().map((host) => host.id)).toEqual(['h1', 'h2', 'h3']);
  });

  it('routes hosts to what their fabrics reach, from the host side, local devices first', () => {
    const { index } = labPool();
    expect(index.route('h1', 'g1')).toEqual({
      deviceId: 'g1',
      hops: 1,
      switchPath: ['sw1'],
      fabricId: 'pcie-1',
    });
    expect(index.route('h1', 'l1')).toEqual({
      deviceId: 'l1',
      hops: 0,
      switchPath: [],
      fabricId: 'local',
    });
    expect(index.route('h1', 'n1')).toBeUndefined();
    expect(index.reachable('h1', 'gpu').map((c) => c.device.id)).toEqual(['g1', 'g2', 'g3', 'l1']);
    expect(index.reachable('h2', 'nvme').map((c) => c.device.id)).toEqual(['n1', 'n2']);
    expect(index.reachable('h2', 'gpu')).toEqual([]);
  });

  it('re-routes only the hosts a changed fabric reaches, before or after the change', () => {
    const pool = labPool();
    const update = pool.applyEvents([
      itemEvent('fabric', 'nvme-1', {
        fact: 'SpecUpdated',
        spec: starFabric('nvme-1', 'sw2', ['h1', 'h2'], ['n1', 'n2']),
      }),
    ]);
    expect([...update.reroutedHosts].sort()).toEqual(['h1', 'h2', 'h3']);
    expect(pool.index.route('h1', 'n1')).toMatchObject({ fabricId: 'nvme-1' });
    expect(pool.index.route('h3', 'n1')).toBeUndefined();

    const narrower = pool.applyEvents([
      itemEvent('fabric', 'nvme-1', {
        fact: 'SpecUpdated',
        spec: starFabric('nvme-1', 'sw2', ['h1', 'h2'], ['n1']),
      }),
    ]);
    expect([...narrower.reroutedHosts].sort()).toEqual(['h1', 'h2']);
    expect(pool.index.route('h2', 'n2')).toBeUndefined();
  });

  it('recomputes no routes when a fabric gets labels or an unchanged spec', () => {
    const pool = labPool();
    const update = pool.applyEvents([
      itemEvent('fabric', 'pcie-1', { fact: 'LabelsSet', labels: { team: 'a' } }),
      itemEvent('device', 'g1', { fact: 'LabelsSet', labels: { team: 'a' } }),
    ]);
    expect(update.reroutedHosts.size).toBe(0);
    expect([...update.devices]).toEqual(['g1']);
    expect(pool.index.device('g1')?.labels).toEqual({ team: 'a' });
  });

  it.each([
    [
      'cordoned',
      { fact: 'Cordoned', reason: 'maintenance' },
      { fact: 'Uncordoned', reason: 'done' },
    ],
    [
      'failed',
      { fact: 'HealthSet', health: 'critical', reason: 'xid 79' },
      { fact: 'HealthSet', health: 'ok', reason: 'replaced' },
    ],
    ['missing', { fact: 'WentMissing', sourceId: 'lab' }, { fact: 'Reappeared', sourceId: 'lab' }],
  ] as const)('a %s device leaves the schedulable set and returns', (_, leave, comeBack) => {
    const pool = labPool();
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g1', 'g2', 'g3', 'l1']);
    pool.applyEvents([itemEvent('device', 'g2', leave)]);
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g1', 'g3', 'l1']);
    pool.applyEvents([itemEvent('device', 'g2', comeBack)]);
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g1', 'g2', 'g3', 'l1']);
  });

  it('removes a retired device and a retired host from the index', () => {
    const pool = labPool();
    pool.applyEvents([
      itemEvent('device', 'g1', { fact: 'Retired', reason: 'end of life' }),
      itemEvent('host', 'h3', { fact: 'Retired', reason: 'decommissioned' }),
    ]);
    expect(pool.index.device('g1')).toBeUndefined();
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g2', 'g3', 'l1']);
    expect(pool.index.hosts().map((host) => host.id)).toEqual(['h1', 'h2']);
    expect(pool.index.reachable('h3', 'nvme')).toEqual([]);
  });

  it('takes the devices of a cordoned enclosure out, and gives them back', () => {
    const pool = labPool();
    pool.applyEvents([itemEvent('enclosure', 'e1', { fact: 'Cordoned', reason: 'firmware' })]);
    expect(pool.index.device('g1')?.schedulable).toBe(false);
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g3', 'l1']);
    pool.applyEvents([itemEvent('enclosure', 'e1', { fact: 'Uncordoned', reason: 'done' })]);
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g1', 'g2', 'g3', 'l1']);
  });

  it('never schedules on a cordoned host, nor a device the ledger holds', () => {
    const pool = labPool();
    pool.applyEvents([itemEvent('host', 'h1', { fact: 'Cordoned', reason: 'drain' })]);
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual([]);
    expect(pool.index.host('h1')?.lifecycle).toBe('cordoned');
    pool.index.setAllocations('g1', 1);
    expect(schedulableDevices(pool.index, 'h3', 'gpu')).toEqual(['g2', 'g3']);
  });

  it('counts a device registered after the fabric that reaches it', () => {
    const pool = labPool();
    pool.applyEvents([
      itemEvent('fabric', 'pcie-1', {
        fact: 'SpecUpdated',
        spec: starFabric('pcie-1', 'sw1', ['h1', 'h3'], ['g1', 'g2', 'g3', 'g9']),
      }),
    ]);
    expect(pool.index.route('h1', 'g9')).toBeDefined();
    expect(pool.index.reachable('h1', 'gpu')).toHaveLength(4);
    pool.applyEvents([registered('device', deviceSpec('g9', 'gpu', { enclosureId: 'e1' }))]);
    expect(schedulableDevices(pool.index, 'h1', 'gpu')).toEqual(['g1', 'g2', 'g3', 'g9', 'l1']);
  });

  it('ends the same whether the events come one by one or all at once, in any kind order', () => {
    const events = smallLabEvents();
    const laterFacts = [
      itemEvent('device', 'g2', { fact: 'Cordoned', reason: 'maintenance' }),
      itemEvent('rack', 'r2', {
        fact: 'SpecUpdated',
        spec: { id: 'r2', siteId: 's2', name: 'moved' },
      }),
      itemEvent('device', 'l1', { fact: 'Retired', reason: 'broken' }),
    ];
    const batched = new PoolIndex();
    batched.applyEvents([...events, ...laterFacts]);
    const oneByOne = new PoolIndex();
    for (const event of [...[...events].reverse(), ...laterFacts]) oneByOne.applyEvents([event]);
    expect(indexView(oneByOne.index, allDevices)).toEqual(indexView(batched.index, allDevices));
    expect(batched.index.device('g3')?.siteId).toBe('s2');
    expect(batched.index.device('l1')).toBeUndefined();
    expect(batched.index.route('h1', 'l1')).toBeUndefined();
  });

  it('ignores events that are not an item fact', () => {
    const pool = labPool();
    const update = pool.applyEvents([
      { type: 'tessera.inventory.v1.SourceAdded', data: { id: 'x' } },
    ]);
    expect(update.devices.size + update.hosts.size + update.reroutedHosts.size).toBe(0);
  });
});
