import { randomUUID } from 'node:crypto';
import {
  type CompositionFact,
  compositionEventOf,
  compositionEventSchemaVersion,
} from '@tessera/composer-domain';
import type { NewEvent } from '@tessera/event-store';

/** A fact of `compositionId` as a new event: a fresh id, at its payload's current version. */
export function newCompositionEvent(compositionId: string): (fact: CompositionFact) => NewEvent {
  return (fact) => ({
    id: randomUUID(),
    schemaVersion: compositionEventSchemaVersion(fact.fact),
    ...compositionEventOf(compositionId, fact),
  });
}
