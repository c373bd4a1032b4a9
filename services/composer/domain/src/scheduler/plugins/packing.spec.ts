import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../candidate-index.js';
import { candidate, device, groupContext, host, route } from '../test-support/pool.js';
import { packingPlugin } from './packing.js';

function quarterUsedEnclosure(): CandidateIndex {
  const index = new CandidateIndex();
  for (const id of ['a', 'b', 'c', 'd']) index.upsertDevice(device(id, { enclosureId: 'e1' }));
  index.upsertDevice(device('x', { enclosureId: undefined }));
  index.setAllocations('a', 1);
  index.setRoutes('h1', [route('a'), route('b'), route('c'), route('d')]);
  return index;
}

describe('Packing', () => {
  const index = quarterUsedEnclosure();
  const binpack = packingPlugin({ strategy: 'binpack', quotas: { limits: {}, usage: {} } });
  const spread = packingPlugin({ strategy: 'spread', quotas: { limits: {}, usage: {} } });
  const context = groupContext({}, { index });

  it('scores a device by how used its enclosure is: fuller for binpack, emptier for spread', () => {
    expect(binpack.scoreDevice(candidate(device('b')), context)).toBe(25);
    expect(spread.scoreDevice(candidate(device('b')), context)).toBe(75);
  });

  it('counts a device outside any enclosure as an empty one', () => {
    const loose = candidate(device('x', { enclosureId: undefined }));
    expect(binpack.scoreDevice(loose, context)).toBe(0);
    expect(spread.scoreDevice(loose, context)).toBe(100);
  });

  it('scores a host by how used the devices it reaches are', () => {
    expect(binpack.scoreHost(host('h1'), context.cycle)).toBe(25);
    expect(spread.scoreHost(host('h1'), context.cycle)).toBe(75);
  });
});
