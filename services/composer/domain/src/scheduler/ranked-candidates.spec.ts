import { describe, expect, it } from 'vitest';
import { RankedCandidates } from './ranked-candidates.js';
import { device, route } from './test-support/pool.js';

const candidate = (id: string) => ({ device: device(id), route: route(id, []), allocations: 0 });

/** What a stable sort of every candidate by score, best first, then the first `limit` gives. */
function stableBest(scores: readonly number[], limit: number): string[] {
  return scores
    .map((score, at) => ({ id: `d${at}`, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.id);
}

describe('RankedCandidates', () => {
  const scores = [5, 9, 1, 9, 5, 7, 0, 9, 3, 7, 7, 2];

  it('keeps the best `limit` as a stable sort would order them (ties in arrival order)', () => {
    for (const limit of [1, 2, 3, 4, 6, scores.length, scores.length + 3]) {
      const ranked = new RankedCandidates(limit);
      for (const [at, score] of scores.entries()) ranked.add(candidate(`d${at}`), score);
      const ids = ranked.best().map((s) => s.candidate.device.id);
      expect(ids, `limit ${limit}`).toEqual(stableBest(scores, limit));
    }
  });

  it('without a limit, ranks every candidate best first, ties in arrival order', () => {
    const ranked = new RankedCandidates();
    for (const [at, score] of scores.entries()) ranked.add(candidate(`d${at}`), score);
    expect(ranked.best().map((s) => s.candidate.device.id)).toEqual(
      stableBest(scores, scores.length),
    );
    expect(ranked.best().map((s) => s.score)).toEqual([...scores].sort((a, b) => b - a));
  });

  it('with a group, keeps the best `limit` of each group, ranked as a stable sort would', () => {
    const groupOf = (c: { device: { id: string } }) => `g${Number(c.device.id.slice(1)) % 3}`;
    for (const limit of [1, 2, 3, scores.length]) {
      const ranked = new RankedCandidates(limit, groupOf);
      for (const [at, score] of scores.entries()) ranked.add(candidate(`d${at}`), score);
      const perGroup = new Map<string, number>();
      const expected = stableBest(scores, scores.length).filter((id) => {
        const group = groupOf({ device: { id } });
        const taken = perGroup.get(group) ?? 0;
        perGroup.set(group, taken + 1);
        return taken < limit;
      });
      expect(
        ranked.best().map((s) => s.candidate.device.id),
        `limit ${limit}`,
      ).toEqual(expected);
    }
  });

  it('answers nothing when nothing was added', () => {
    expect(new RankedCandidates(3).best()).toEqual([]);
    expect(new RankedCandidates().best()).toEqual([]);
    expect(new RankedCandidates(3, () => 'g').best()).toEqual([]);
  });
});
