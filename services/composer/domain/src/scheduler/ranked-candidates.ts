import { type Candidate } from './candidate-index.js';
import { type ScoredCandidate } from './framework.js';

/** A kept candidate and when it came, so that equal scores keep their arrival order. */
interface Kept extends ScoredCandidate {
  readonly arrival: number;
}

/**
 * One demand's scored candidates, best first; equal scores stay in the order they came (device
 * id order), as a stable sort would leave them. With a `limit`, only the best `limit` are kept
 * as they come: what the scheduler takes when no placement needs to see every candidate, so a
 * host reaching hundreds of drives costs no sort and no object per drive. With a `groupOf` as
 * well, the best `limit` of each group are kept (a placement that never takes more than that
 * from one switch or failure domain), and `best` ranks what all groups kept.
 */
export class RankedCandidates {
  private readonly kept: Kept[] = [];
  private readonly groups = new Map<string, Kept[]>();
  private arrivals = 0;
  private sorted = true;

  constructor(
    private readonly limit?: number,
    private readonly groupOf?: (candidate: Candidate) => string,
  ) {}

  add(candidate: Candidate, score: number): void {
    const { limit, groupOf } = this;
    const arrival = this.arrivals;
    this.arrivals += 1;
    if (limit === undefined) {
      this.kept.push({ candidate, score, arrival });
      this.sorted = this.kept.length === 1;
      return;
    }
    if (groupOf === undefined) {
      keepIfAmongBest(this.kept, candidate, score, arrival, limit);
      return;
    }
    const key = groupOf(candidate);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = []));
    if (keepIfAmongBest(group, candidate, score, arrival, limit)) this.sorted = false;
  }

  /** Best first. Read it at once: adding more changes it. */
  best(): readonly ScoredCandidate[] {
    if (this.sorted) return this.kept;
    if (this.groupOf !== undefined && this.limit !== undefined) {
      this.kept.length = 0;
      for (const group of this.groups.values()) this.kept.push(...group);
    }
    this.kept.sort((a, b) => b.score - a.score || a.arrival - b.arrival);
    this.sorted = true;
    return this.kept;
  }
}

/**
 * Inserts the candidate into `kept` (best first, at most `limit`) when it is among the best:
 * after every equal score already there, so ties keep their arrival order.
 */
function keepIfAmongBest(
  kept: Kept[],
  candidate: Candidate,
  score: number,
  arrival: number,
  limit: number,
): boolean {
  const worst = kept.at(-1);
  if (kept.length >= limit && (worst === undefined || score <= worst.score)) return false;
  // Shift the worse ones down by hand: `splice` would allocate an array per call.
  if (kept.length >= limit) kept.pop();
  const entry = { candidate, score, arrival };
  let at = kept.length;
  kept.push(entry);
  for (let before = kept[at - 1]; before !== undefined && before.score < score;) {
    kept[at] = before;
    at -= 1;
    before = kept[at - 1];
  }
  kept[at] = entry;
  return true;
}
