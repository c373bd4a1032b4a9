import { composer } from '@tessera/contracts';

/** What ts-proto generates for every message: its proto3 JSON codec. */
export interface JsonCodec {
  fromJSON(json: unknown): unknown;
  toJSON(message: unknown): unknown;
}

export function codecOf(name: string): JsonCodec | undefined {
  const codec: unknown = (composer as Record<string, unknown>)[name];
  return typeof codec === 'object' &&
    codec !== null &&
    'fromJSON' in codec &&
    typeof codec.fromJSON === 'function' &&
    'toJSON' in codec &&
    typeof codec.toJSON === 'function'
    ? (codec as JsonCodec)
    : undefined;
}

/**
 * The same JSON with the fields proto3 JSON may leave out removed (empty strings and lists,
 * zeros, false); messages and maps stay, even when empty.
 */
export function withoutDefaults(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutDefaults);
  if (typeof json !== 'object' || json === null) return json;
  return Object.fromEntries(
    Object.entries(json)
      .filter(
        ([, value]) =>
          value !== '' &&
          value !== 0 &&
          value !== false &&
          value !== undefined &&
          !(Array.isArray(value) && value.length === 0),
      )
      .map(([key, value]) => [key, withoutDefaults(value)]),
  );
}
