import { type ItemFact, type ItemFactName, itemFactNames } from './item-facts.js';
import { eventPrefixOf, type ItemKind, itemKinds } from './item-kinds.js';

/** A fact as stored and published: `tessera.inventory.v1.DeviceCordoned` with `{ id, reason }`. */
export interface ItemEvent {
  readonly type: string;
  readonly data: { readonly id: string } & Record<string, unknown>;
}

/**
 * Event types are the fully qualified names of their payload messages in proto/
 * (docs/proto.md): `tessera.inventory.v1.DeviceCordoned`.
 */
export const inventoryEventNamespace = 'tessera.inventory.v1.';

/** Version of every item event's payload; bump it with an upcaster when a payload changes. */
export const itemEventSchemaVersion = 1;

export function itemEventOf<K extends ItemKind>(kind: K, id: string, fact: ItemFact<K>): ItemEvent {
  const { fact: name, ...data } = fact;
  return { type: `${inventoryEventNamespace}${eventPrefixOf[kind]}${name}`, data: { id, ...data } };
}

/** Which kind and fact an event type names, or undefined for an event that is not an item's. */
export function parseItemEventType(
  type: string,
): { kind: ItemKind; fact: ItemFactName } | undefined {
  if (!type.startsWith(inventoryEventNamespace)) {
    return undefined;
  }
  const name = type.slice(inventoryEventNamespace.length);
  for (const kind of itemKinds) {
    const prefix = eventPrefixOf[kind];
    if (name.startsWith(prefix)) {
      const fact = name.slice(prefix.length);
      const known = itemFactNames.find((name) => name === fact);
      if (known) {
        return { kind, fact: known };
      }
    }
  }
  return undefined;
}

/**
 * The fact a stored event records. Payloads come from our own store (validated when they were
 * decided), so this restores their shape rather than re-validating every field.
 */
export function itemFactOf(
  event: ItemEvent,
): { kind: ItemKind; id: string; fact: ItemFact } | undefined {
  const parsed = parseItemEventType(event.type);
  if (!parsed) {
    return undefined;
  }
  const { id, ...rest } = event.data;
  return { kind: parsed.kind, id, fact: { fact: parsed.fact, ...rest } as ItemFact };
}
