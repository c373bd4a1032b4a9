/**
 * The known field an unknown one was most likely meant to be: the same name in another case
 * (`capacityTb` → `capacityTB`), or the nearest name within two edits for names long enough
 * that two edits are still a typo and not another word. `undefined` when nothing is close.
 */
export function suggestField(unknown: string, known: Iterable<string>): string | undefined {
  const lower = unknown.toLowerCase();
  const maxDistance = unknown.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
