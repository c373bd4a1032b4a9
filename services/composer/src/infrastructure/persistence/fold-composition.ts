import {
  absentComposition,
  type CompositionState,
  compositionFactOf,
  evolveComposition,
} from '@tessera/composer-domain';
import type { EventEnvelope } from '@tessera/event-store';

/** A composition's state from its stream's events, with the domain's own `evolveComposition`. */
export function foldComposition(events: readonly EventEnvelope[]): CompositionState {
  let state: CompositionState = absentComposition;
  for (const event of events) {
    const stored = compositionFactOf({
      type: event.type,
      data: event.data as { compositionId: string } & Record<string, unknown>,
    });
    if (stored) state = evolveComposition(state, stored.fact);
  }
  return state;
}
