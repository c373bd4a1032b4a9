import { type Candidate } from './candidate-index.js';
import { type ScoredCandidate } from './framework.js';

/**
 * One demand's scored candidates, best first; equal scores stay in the order they came (device
 * id order), as a stable sort would leave them. With a `limit`, only the best `limit` are kept
 * as they come: what the scheduler takes when no placement needs to see every candidate, so a
 * host reaching hundreds of drives costs no sort and no object per drive.
 */
export class RankedCandidates {
  private readonly kept: ScoredCandidate[] = [];
  private sorted = true;

  constructor(private readonly limit?: number) {}

  add(candidate: Candidate, score: number): void {
    const { kept, limit } = this;
    if (limit === undefined) {
      kept.push({ candidate, score });
      this.sorted = kept.length === 1;
      return;
    }
    const worst = kept.at(-1);
    if (kept.length >= limit && (worst === undefined || score <= worst.score)) return;
    let at = kept.length;
    while (at > 0 && (kept[at - 1]?.score ?? score) < score) at -= 1;
    kept.splice(at, 0, { candidate, score });
    if (kept.length > limit) kept.pop();
  }

  /** Best first. Read it at once: adding more changes it. */
  best(): readonly ScoredCandidate[] {
    if (!this.sorted) {
      this.kept.sort((a, b) => b.score - a.score);
      this.sorted = true;
    }
    return this.kept;
  }
}
