import type { Slice, SliceResult } from '@tessera/api-kit';
import type {
  CompositionSpec,
  CompositionStatus,
  GroupAssignment,
  UnschedulableGroup,
} from '@tessera/composer-domain';

/** A composition as queries show it: what was asked for and where it stands. */
export interface CompositionView {
  readonly id: string;
  readonly tenant: string;
  readonly spec: CompositionSpec;
  readonly phase: CompositionStatus;
  /** Failed: why, and per group why nothing fitted. */
  readonly failure:
    { readonly reason: string; readonly unschedulable: readonly UnschedulableGroup[] } | undefined;
  readonly hostId: string | undefined;
  /** The devices held, per group, in the order of the spec's groups then its expansions. */
  readonly groups: readonly GroupAssignment[];
  readonly reservationId: string | undefined;
  /** ISO 8601 in UTC. */
  readonly attachDeadline: string | undefined;
  /** ISO 8601 in UTC: when its first event and its latest were recorded. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The version of its event stream the view reflects. */
  readonly version: number;
}

export interface CompositionFilter {
  readonly tenant?: string;
  readonly phase?: CompositionStatus;
}

/** A page of a list ordered by id, and what a read model answers (shared by every service). */
export type { Slice, SliceResult };

/** The compositions read model (a projection of the composer's log), as the queries need it. */
export interface CompositionReadModel {
  getComposition(id: string): Promise<CompositionView | undefined>;
  listCompositions(filter: CompositionFilter, slice: Slice): Promise<SliceResult<CompositionView>>;
}

export const compositionReadModelToken = Symbol('CompositionReadModel');
