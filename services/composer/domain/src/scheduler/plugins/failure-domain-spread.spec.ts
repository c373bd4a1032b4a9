import { describe, expect, it } from 'vitest';
import { type ScoredCandidate } from '../framework.js';
import { type GroupConstraints } from '../scheduling-request.js';
import { candidate, device, groupContext } from '../test-support/pool.js';
import { failureDomainSpreadPlugin } from './failure-domain-spread.js';

const scored = (id: string, enclosureId: string, rackId = 'r1'): ScoredCandidate => ({
  candidate: candidate(device(id, { enclosureId, rackId })),
  score: 0,
});
const place = (candidates: ScoredCandidate[], count: number, constraints: GroupConstraints) => {
  const placement = failureDomainSpreadPlugin.place(
    candidates,
    groupContext({ count, constraints }),
  );
  return placement.code === 'success'
    ? placement.candidates.map((s) => s.candidate.device.id)
    : placement;
};

describe('FailureDomainSpread', () => {
  const best = [
    scored('a1', 'eA'),
    scored('a2', 'eA'),
    scored('a3', 'eA'),
    scored('b1', 'eB'),
    scored('c1', 'eC', 'r2'),
  ];

  it('goes round the enclosures, best domain first', () => {
    expect(place(best, 4, { spreadAcross: 'enclosure' })).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  });

  it('spreads over racks when asked', () => {
    expect(place(best, 2, { spreadAcross: 'rack' })).toEqual(['a1', 'c1', 'a2', 'a3', 'b1']);
  });

  it('needs two domains for two devices or more', () => {
    expect(place(best.slice(0, 3), 2, { spreadAcross: 'enclosure' })).toEqual({
      code: 'unschedulable',
      reason: 'all 3 matching gpu sit in one enclosure',
    });
    expect(place(best.slice(0, 1), 1, { spreadAcross: 'enclosure' })).toEqual(['a1']);
  });

  it('leaves the order alone when the group does not ask for spread', () => {
    expect(place(best, 2, {})).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
  });
});
