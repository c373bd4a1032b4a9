/**
 * Orders ids by UTF-16 code unit: the same on every machine and locale, so results that break
 * ties by id are reproducible.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
