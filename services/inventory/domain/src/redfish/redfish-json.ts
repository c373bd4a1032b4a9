import { normalizeRedfishPath } from './redfish-resources.js';

/** A JSON object as a Redfish service sent it: every field is read as `unknown`. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(object: JsonObject | undefined, path: readonly string[]): unknown {
  let current: unknown = object;
  for (const key of path) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A non-empty string at `path`, or undefined (absent, null, another type). */
export function textAt(object: JsonObject | undefined, ...path: string[]): string | undefined {
  const value = valueAt(object, path);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A finite number at `path`, or undefined. */
export function numberAt(object: JsonObject | undefined, ...path: string[]): number | undefined {
  const value = valueAt(object, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanAt(object: JsonObject | undefined, ...path: string[]): boolean | undefined {
  const value = valueAt(object, path);
  return typeof value === 'boolean' ? value : undefined;
}

/** Strings at `path`, accepting a single string or an array (e.g. `ResourceBlockType`). */
export function textsAt(object: JsonObject | undefined, ...path: string[]): string[] {
  const value = valueAt(object, path);
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.filter((item): item is string => typeof item === 'string' && item !== '');
}

export function objectAt(
  object: JsonObject | undefined,
  ...path: string[]
): JsonObject | undefined {
  const value = valueAt(object, path);
  return isJsonObject(value) ? value : undefined;
}

export function objectsAt(object: JsonObject | undefined, ...path: string[]): JsonObject[] {
  const value = valueAt(object, path);
  return Array.isArray(value) ? (value as unknown[]).filter(isJsonObject) : [];
}

/** The normalized target of a `{ "@odata.id": ... }` reference. */
export function linkOf(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const target = value['@odata.id'];
  return typeof target === 'string' && target !== '' ? normalizeRedfishPath(target) : undefined;
}

/** The distinct targets of the reference or array of references at `path`, in order. */
export function linksAt(object: JsonObject | undefined, ...path: string[]): string[] {
  const value = valueAt(object, path);
  const candidates = Array.isArray(value) ? (value as unknown[]) : [value];
  const targets = candidates.map(linkOf).filter((target) => target !== undefined);
  return [...new Set(targets)];
}

/** The last segment of a resource path, a readable fallback name. */
export function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** Ascending order by plain code units, independent of the locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
