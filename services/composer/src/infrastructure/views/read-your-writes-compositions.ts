import { compositionStreamId } from '@tessera/composer-domain';
import { type EventStore, StreamNotFoundError } from '@tessera/event-store';
import type {
  CompositionFilter,
  CompositionReadModel,
  CompositionView,
  Slice,
  SliceResult,
} from '../../application/queries/index.js';
import { foldComposition } from '../persistence/index.js';
import { compositionViewOf } from './postgres-composition-read-model.js';

/**
 * The compositions read model with read-your-writes for single compositions: one the
 * projection does not show yet (it follows the log a moment behind the command that created
 * it) is read from its event stream, so that a client reading what it was just answered never
 * gets 404. Lists stay the projection's.
 */
export class ReadYourWritesCompositions implements CompositionReadModel {
  constructor(
    private readonly projected: CompositionReadModel,
    private readonly store: EventStore,
  ) {}

  async getComposition(id: string): Promise<CompositionView | undefined> {
    return (await this.projected.getComposition(id)) ?? (await this.fromStream(id));
  }

  listCompositions(filter: CompositionFilter, slice: Slice): Promise<SliceResult<CompositionView>> {
    return this.projected.listCompositions(filter, slice);
  }

  private async fromStream(id: string): Promise<CompositionView | undefined> {
    try {
      const { version, events } = await this.store.readStream(compositionStreamId(id));
      const state = foldComposition(events);
      const first = events[0];
      const last = events[events.length - 1];
      if (state.status === 'absent' || first === undefined || last === undefined) return undefined;
      return compositionViewOf(state, {
        createdAt: first.recordedAt,
        updatedAt: last.recordedAt,
        version,
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
