import {
  type CompositionFact,
  type CompositionFactName,
  compositionFactNames,
} from './composition-facts.js';

/**
 * A fact as stored and published: `tessera.composer.v1.DeviceAttached` with
 * `{ compositionId, deviceId, detail }`. The composition's id is named `compositionId` in the
 * data so that it never collides with a fact's own fields (`Requested` carries `id`).
 */
export interface CompositionEvent {
  readonly type: string;
  readonly data: { readonly compositionId: string } & Record<string, unknown>;
}

/** Event types are the fully qualified names of their payload messages in proto/. */
export const composerEventNamespace = 'tessera.composer.v1.';

/**
 * The payload version the composer writes for each fact: 1, or the version the fact's payload
 * reached (its message `<Fact>V<n>` in proto/). Every older version has an upcaster
 * (composition-upcasters.ts), so readers see only the newest.
 */
export function compositionEventSchemaVersion(fact: CompositionFactName): number {
  return payloadVersions[fact] ?? 1;
}

const payloadVersions: Partial<Record<CompositionFactName, number>> = {
  AttachRequested: 2,
  DeviceAttached: 2,
  DetachRequested: 2,
  DeviceDetached: 2,
};

/** The event-store stream of a composition. */
export function compositionStreamId(compositionId: string): string {
  return `composition-${compositionId}`;
}

export function compositionEventOf(compositionId: string, fact: CompositionFact): CompositionEvent {
  const { fact: name, ...data } = fact;
  return { type: `${composerEventNamespace}${name}`, data: { compositionId, ...data } };
}

/**
 * The fact a stored event records, or undefined for an event that is not a composition's.
 * Payloads come from our own store (validated when they were decided), so this restores their
 * shape rather than re-validating every field.
 */
export function compositionFactOf(
  event: CompositionEvent,
): { compositionId: string; fact: CompositionFact } | undefined {
  if (!event.type.startsWith(composerEventNamespace)) {
    return undefined;
  }
  const name = event.type.slice(composerEventNamespace.length);
  const known = compositionFactNames.find((candidate) => candidate === name);
  if (known === undefined) {
    return undefined;
  }
  const { compositionId, ...rest } = event.data;
  return { compositionId, fact: { fact: known, ...rest } as CompositionFact };
}
