/**
 * Structural equality of JSON-like values: key order does not matter and a property set to
 * `undefined` equals an absent one (as after a JSON round trip). Arrays compare in order.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) {
    return false;
  }
  const keys = new Set([...definedKeys(a), ...definedKeys(b)]);
  for (const key of keys) {
    if (!sameJson(a[key], b[key])) {
      return false;
    }
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}
