import {
  describeValue,
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  PayloadTooLargeError,
} from '../errors.js';
import type { AppendOptions, ExpectedVersion, JsonObject } from '../types.js';
import { findNonJsonValue, isPlainObject } from './json.js';

export const maxStreamIdLength = 255;
const streamIdPattern = /^[A-Za-z][A-Za-z0-9_.]*-[\x21-\x7e]+$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const eventTypePattern = /^[A-Za-z][A-Za-z0-9_.:-]*$/;
const maxNameLength = 200;

/** An event that passed validation, with its data already serialized for storage. */
export interface ValidatedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly json: string;
}

export interface AppendMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string;
  readonly tenant: string | null;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** Stream ids read `<category>-<id>`, e.g. `device-0190c3d6-…`: the category names the aggregate. */
export function validateStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidStreamIdError(streamId, 'expected a non-empty string');
  }
  if (streamId.length > maxStreamIdLength) {
    throw new InvalidStreamIdError(
      `${streamId.slice(0, 40)}…`,
      `${streamId.length} characters, more than ${maxStreamIdLength}`,
    );
  }
  if (!streamIdPattern.test(streamId)) {
    throw new InvalidStreamIdError(
      streamId,
      'expected "<category>-<id>": a category of letters, digits, _ or . starting with a letter, ' +
        'a dash, then an id of printable ASCII without spaces',
    );
  }
  return streamId;
}

export function validateExpectedVersion(value: unknown): ExpectedVersion {
  if (value === 'no-stream' || value === 'stream-exists' || value === 'any') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidExpectedVersionError(value);
}

export function validateEvents(events: unknown, maxPayloadBytes: number): ValidatedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError('events', 'must be a non-empty array');
  }
  const seen = new Set<string>();
  return events.map((event: unknown, index) => {
    const validated = validateEvent(event, index, maxPayloadBytes);
    if (seen.has(validated.id)) {
      throw new InvalidEventError(
        'id',
        `${validated.id} appears more than once in this append`,
        index,
      );
    }
    seen.add(validated.id);
    return validated;
  });
}

function validateEvent(event: unknown, index: number, maxPayloadBytes: number): ValidatedEvent {
  if (!isPlainObject(event)) throw new InvalidEventError('event', 'must be an object', index);
  const { id, type, schemaVersion, data } = event;
  if (!isUuid(id)) {
    throw new InvalidEventError('id', `must be a UUID, got ${describeValue(id)}`, index);
  }
  if (typeof type !== 'string' || type.length === 0) {
    throw new InvalidEventError('type', 'must be a non-empty string', index);
  }
  if (type.length > maxNameLength || !eventTypePattern.test(type)) {
    throw new InvalidEventError(
      'type',
      `must start with a letter and hold only letters, digits, _ . : - (at most ${maxNameLength}), got ${JSON.stringify(type.slice(0, maxNameLength))}`,
      index,
    );
  }
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isSafeInteger(schemaVersion) ||
    schemaVersion < 1
  ) {
    throw new InvalidEventError(
      'schemaVersion',
      `must be an integer >= 1, got ${describeValue(schemaVersion)}`,
      index,
    );
  }
  if (!isPlainObject(data)) {
    throw new InvalidEventError(
      'data',
      'must be a JSON object (not an array, null or a class instance)',
      index,
    );
  }
  const json = serialize(data, index);
  const sizeBytes = Buffer.byteLength(json, 'utf8');
  if (sizeBytes > maxPayloadBytes)
    throw new PayloadTooLargeError(index, sizeBytes, maxPayloadBytes);
  const problem = findNonJsonValue(data);
  if (problem) throw new InvalidEventError('data', `is not plain JSON at ${problem}`, index);
  return { id: id.toLowerCase(), type, schemaVersion, data, json };
}

function serialize(data: JsonObject, index: number): string {
  try {
    return JSON.stringify(data);
  } catch (error) {
    throw new InvalidEventError(
      'data',
      `cannot be serialized as JSON (${error instanceof Error ? error.message : String(error)})`,
      index,
    );
  }
}

export function validateMetadata(
  options: Pick<AppendOptions, 'correlationId' | 'causationId' | 'actor' | 'tenant'>,
): AppendMetadata {
  return {
    correlationId: requiredName(options.correlationId, 'correlationId'),
    causationId: optionalName(options.causationId, 'causationId'),
    actor: requiredName(options.actor, 'actor'),
    tenant: optionalName(options.tenant, 'tenant'),
  };
}

function requiredName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidEventError(field, `must be a non-empty string, got ${describeValue(value)}`);
  }
  // eslint-disable-next-line no-control-regex
  if (value.length > maxNameLength || /[\u0000-\u001f]/.test(value)) {
    throw new InvalidEventError(
      field,
      `must be at most ${maxNameLength} characters without control characters`,
    );
  }
  return value;
}

function optionalName(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : requiredName(value, field);
}
