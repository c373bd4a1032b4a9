import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../candidate-index.js';
import { device, groupContext, route } from '../test-support/pool.js';
import { fabricReachPlugin } from './fabric-reach.js';

describe('FabricReach', () => {
  const index = new CandidateIndex();
  index.upsertDevice(device('near'));
  index.upsertDevice(device('far'));
  index.upsertDevice(device('elsewhere'));
  index.setRoutes('h1', [route('near', ['sw1']), route('far', ['sw1', 'sw2', 'sw3'])]);

  /** The candidate as the index offers it to host h1. */
  const verdict = (id: string, maxHops?: number) => {
    const offered = index.reachable('h1', 'gpu').find((c) => c.device.id === id);
    if (!offered) throw new Error(`h1 does not reach ${id}`);
    return fabricReachPlugin.filterDevice(
      offered,
      groupContext({ constraints: maxHops === undefined ? {} : { maxHops } }, { index }),
    );
  };

  it('is never offered a device the chosen host does not reach', () => {
    expect(index.reachable('h1', 'gpu').map((c) => c.device.id)).toEqual(['far', 'near']);
  });

  it('honours maxHops with the index route', () => {
    expect(verdict('far').code).toBe('success');
    expect(verdict('far', 2)).toEqual({
      code: 'unschedulable',
      reason: '3 hops from the host, more than 2',
    });
    expect(verdict('near', 1).code).toBe('success');
  });
});
