import type {
  Assignment,
  GroupShortage,
  KindCapacity,
  UnschedulableGroup,
} from '@tessera/composer-domain';

export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface CapacityForQuery {
  /**
   * Untrusted input: a composition spec, or `{ template: { name, version?, parameters? },
   * ...overrides }`. `name` may be left out (capacity does not depend on it).
   */
  readonly spec: unknown;
  /** How many such compositions are wanted at once. */
  readonly wanted: number;
  /** Count on up to this many (default: `wanted`), to learn how many more would fit. */
  readonly limit?: number;
  /** Devices promised to leases at any moment of the window are unavailable. */
  readonly window: TimeWindow;
}

export type CapacityReport =
  | {
      readonly outcome: 'answered';
      readonly fits: number;
      readonly wanted: number;
      readonly enough: boolean;
      /** Where each composition that fits would go now. */
      readonly placements: readonly Assignment[];
      /** Why one more does not fit; absent when counting stopped at the limit. */
      readonly shortage?: {
        /** Why no host qualified (the scheduler's host-level reason). */
        readonly reason: string;
        /** The lines a composition that failed to schedule would carry. */
        readonly unschedulable: readonly UnschedulableGroup[];
        /** Per group: kind, how many devices are missing, on which host, behind which switches. */
        readonly groups: readonly GroupShortage[];
      };
    }
  /** A scheduler plugin could not decide (bad settings, inconsistent view). */
  | { readonly outcome: 'error'; readonly reason: string };

export interface CapacityTimelineQuery {
  readonly start: Date;
  readonly end: Date;
  /** The length of each step, in milliseconds. */
  readonly stepMs: number;
}

/** One step of the timeline: per kind, free and committed (in use now + promised in the step). */
export interface CapacityStep {
  readonly start: Date;
  readonly end: Date;
  readonly kinds: readonly (Pick<KindCapacity, 'kind' | 'total' | 'free'> & {
    readonly committed: number;
  })[];
}
