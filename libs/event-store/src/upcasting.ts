import type { EventEnvelope } from '@tessera/event-transport';
import { InvalidUpcastersError, UpcastError } from './errors.js';
import type { JsonObject } from './types.js';
import { isPlainObject } from './validation/json.js';

/**
 * Turns the payload of `type` at `fromVersion` into the payload at `fromVersion + 1`. Pure: it
 * sees only the old payload (and the envelope, for context) and returns the new one.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: JsonObject, event: EventEnvelope) => JsonObject;
}

/**
 * Brings stored events to the newest payload version this code knows, on read. Stored rows are
 * never rewritten: an event appended as v1 stays v1 in the table and reads as the newest version.
 */
export interface Upcasters {
  /** The newest version of `type` reachable by upcasting, or undefined when none is registered. */
  latestVersion(type: string): number | undefined;
  /**
   * The event at the newest version. Types without upcasters and versions at or above the newest
   * pass through unchanged; an older version that the chain cannot reach throws `UpcastError`.
   */
  upcast(event: EventEnvelope): EventEnvelope;
}

/**
 * Builds the registry. Per type, the upcasters must form one chain without gaps or duplicates
 * (`fromVersion` 1 → 2 → 3 …, starting at any version); anything else throws
 * `InvalidUpcastersError` at startup rather than at the first read.
 */
export function defineUpcasters(upcasters: readonly Upcaster[]): Upcasters {
  const chains = new Map<string, Map<number, Upcaster>>();
  for (const upcaster of upcasters) {
    if (!Number.isSafeInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
      throw new InvalidUpcastersError(
        `upcaster for ${upcaster.type} has fromVersion ${upcaster.fromVersion}: expected an integer >= 1`,
      );
    }
    const chain = chains.get(upcaster.type) ?? new Map<number, Upcaster>();
    if (chain.has(upcaster.fromVersion)) {
      throw new InvalidUpcastersError(
        `two upcasters for ${upcaster.type} from version ${upcaster.fromVersion}`,
      );
    }
    chain.set(upcaster.fromVersion, upcaster);
    chains.set(upcaster.type, chain);
  }
  const latest = new Map<string, number>();
  for (const [type, chain] of chains) {
    const versions = [...chain.keys()].sort((a, b) => a - b);
    const first = versions[0] ?? 1;
    versions.forEach((version, index) => {
      if (version !== first + index) {
        throw new InvalidUpcastersError(
          `upcasters for ${type} have a gap: no upcaster from version ${first + index}`,
        );
      }
    });
    latest.set(type, first + versions.length);
  }

  return {
    latestVersion: (type) => latest.get(type),
    upcast: (event) => {
      const chain = chains.get(event.type);
      const newest = latest.get(event.type);
      if (!chain || newest === undefined || event.schemaVersion >= newest) return event;
      let current = event;
      while (current.schemaVersion < newest) {
        current = step(chain, current);
      }
      return current;
    },
  };
}

function step(chain: ReadonlyMap<number, Upcaster>, event: EventEnvelope): EventEnvelope {
  const upcaster = chain.get(event.schemaVersion);
  if (!upcaster) {
    throw new UpcastError(
      event.id,
      event.type,
      event.schemaVersion,
      `no upcaster from version ${event.schemaVersion}; the oldest registered starts at ${Math.min(...chain.keys())}`,
    );
  }
  let data: unknown;
  try {
    data = upcaster.upcast(event.data as JsonObject, event);
  } catch (error) {
    throw new UpcastError(event.id, event.type, event.schemaVersion, 'the upcaster threw', {
      cause: error,
    });
  }
  if (!isPlainObject(data)) {
    throw new UpcastError(
      event.id,
      event.type,
      event.schemaVersion,
      'the upcaster did not return an object',
    );
  }
  return { ...event, schemaVersion: event.schemaVersion + 1, data };
}

/** The registry with no upcasters: every event passes through unchanged. */
export const noUpcasters: Upcasters = defineUpcasters([]);
