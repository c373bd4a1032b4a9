import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../candidate-index.js';
import { candidate, device, groupContext, route } from '../test-support/pool.js';
import { fabricReachPlugin } from './fabric-reach.js';

describe('FabricReach', () => {
  const index = new CandidateIndex();
  index.upsertDevice(device('near'));
  index.upsertDevice(device('far'));
  index.upsertDevice(device('elsewhere'));
  index.setRoutes('h1', [route('near', ['sw1']), route('far', ['sw1', 'sw2', 'sw3'])]);

  const verdict = (id: string, maxHops?: number) =>
    fabricReachPlugin.filterDevice(
      candidate(device(id)),
      groupContext({ constraints: maxHops === undefined ? {} : { maxHops } }, { index }),
    );

  it('refuses a device the chosen host does not reach', () => {
    expect(verdict('elsewhere')).toEqual({
      code: 'unschedulable',
      reason: 'not reachable from host h1',
    });
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
