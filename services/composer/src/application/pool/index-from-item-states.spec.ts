import { emptySnapshot, type InventorySnapshot, parseItemEventType } from '@tessera/hardware';
import { describe, expect, it } from 'vitest';
import { indexView, smallLabEvents } from '../../test-support/pool-fixture.js';
import { indexFromItemStates, itemStatesOfSnapshot } from './index-from-item-states.js';
import { PoolIndex } from './pool-index.js';

/** The small lab as a snapshot: the specs its Registered events carry, per kind. */
function smallLabSnapshot(): InventorySnapshot {
  const lists: Record<string, unknown[]> = {};
  for (const event of smallLabEvents()) {
    const kind = parseItemEventType(event.type)?.kind ?? 'unknown';
    (lists[kind] ??= []).push(event.data.spec);
  }
  return {
    ...emptySnapshot,
    sites: lists.site,
    racks: lists.rack,
    enclosures: lists.enclosure,
    hosts: lists.host,
    devices: lists.device,
    fabrics: lists.fabric,
  } as InventorySnapshot;
}

describe('indexFromItemStates', () => {
  it('builds from a snapshot the index the same registrations build as events', () => {
    const fed = new PoolIndex();
    fed.applyEvents(smallLabEvents());
    const built = indexFromItemStates(
      itemStatesOfSnapshot(smallLabSnapshot(), { kind: 'manifest', id: 'lab' }),
    );
    const ids = ['g1', 'g2', 'g3', 'n1', 'n2', 'l1'];
    expect(indexView(built, ids)).toEqual(indexView(fed.index, ids));
    expect(built.reachable('h3', 'nvme').map((candidate) => candidate.device.id)).toEqual([
      'n1',
      'n2',
    ]);
  });

  it('registers every item of a snapshot as present and sourced', () => {
    const states = itemStatesOfSnapshot(smallLabSnapshot());
    expect(states).toHaveLength(16);
    expect(states.every((item) => item.state.status === 'present')).toBe(true);
    expect(states.find((item) => item.id === 'g1')?.state).toMatchObject({
      source: { kind: 'manifest', id: 'snapshot' },
      cordon: undefined,
      missing: false,
    });
  });
});
