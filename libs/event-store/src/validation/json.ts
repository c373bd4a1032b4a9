const maxDepth = 64;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Where `value` stops being plain JSON that jsonb stores as given, or undefined when it is.
 * Catches what `JSON.stringify` would silently change: `undefined`, functions, NaN, Infinity,
 * class instances such as Date, and the NUL character that jsonb refuses.
 */
export function findNonJsonValue(value: unknown, path = 'data', depth = 0): string | undefined {
  if (depth > maxDepth) return `${path} (nested deeper than ${maxDepth} levels)`;
  switch (typeof value) {
    case 'string':
      return value.includes('\u0000') ? `${path} (contains the NUL character)` : undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} (${value} is not a JSON number)`;
    case 'boolean':
      return undefined;
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) {
          const problem = findNonJsonValue(item, `${path}[${index}]`, depth + 1);
          if (problem) return problem;
        }
        return undefined;
      }
      if (!isPlainObject(value)) {
        return `${path} (${Object.prototype.toString.call(value)} is not a plain object)`;
      }
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return `${path} (a key contains the NUL character)`;
        const problem = findNonJsonValue(item, `${path}.${key}`, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      return `${path} (${typeof value} is not JSON)`;
  }
}
