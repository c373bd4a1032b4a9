import { type CompositionFact, compositionFactNames } from './composition-facts.js';

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

/** Version of every composition event's payload; bump it with an upcaster when one changes. */
export const compositionEventSchemaVersion = 1;

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
