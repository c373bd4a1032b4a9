/** A JSON object as the API answers it. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`status.phase`), or undefined when any step is missing. */
export function valueAt(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const key of path.split('.')) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The first of several paths that holds a value: for shapes that differ between resources. */
export function firstValue(item: unknown, ...paths: string[]): unknown {
  for (const path of paths) {
    const value = valueAt(item, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A value as one table cell: scalars as text, lists joined by commas, maps as k=v. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(cellText).join(',');
  if (isJsonObject(value)) {
    return Object.entries(value)
      .map(([key, entry]) => `${key}=${cellText(entry)}`)
      .join(',');
  }
  return JSON.stringify(value);
}

/** `PREVIEW_OUTCOME_FITS` → `Fits`; other text unchanged. */
export function enumText(value: unknown, prefix: string): string {
  const text = cellText(value);
  if (!text.startsWith(prefix)) return text;
  return text
    .slice(prefix.length)
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** How long ago an ISO timestamp was, as kubectl shows ages: `45s`, `12m`, `3h`, `5d`. */
export function ageText(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string') return '';
  const then = Date.parse(timestamp);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** An ISO timestamp without milliseconds, for tables. */
export function timeText(timestamp: unknown): string {
  if (typeof timestamp !== 'string') return '';
  return timestamp.replace(/\.\d+Z$/, 'Z');
}
