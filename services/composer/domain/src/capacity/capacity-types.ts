import type {
  Decision,
  DeviceKind,
  PluginRegistry,
  SchedulerConfig,
  SchedulingRequest,
  Unschedulable,
} from '../scheduler/index.js';

/** The most compositions one capacity question counts up to. */
export const maxCapacityLimit = 1000;

export interface CapacityQuestion {
  readonly request: SchedulingRequest;
  /** How many such compositions the asker wants at once (1..maxCapacityLimit). */
  readonly wanted: number;
  /** Counting stops once this many fit (wanted..maxCapacityLimit; default: wanted). */
  readonly limit?: number;
  /** Devices no placement may use: promised to leases in the window, say. */
  readonly unavailable?: ReadonlySet<string>;
  readonly config: SchedulerConfig;
  readonly registry?: PluginRegistry;
}

export type CapacityAnswer =
  | {
      readonly outcome: 'answered';
      /** How many fit at once (at most the limit). */
      readonly fits: number;
      readonly wanted: number;
      readonly enough: boolean;
      /** Where each of them would go, in the order they were placed. */
      readonly placements: readonly Decision[];
      /** Why one more does not fit; absent when counting stopped at the limit. */
      readonly shortage?: Shortage;
    }
  /** A scheduler plugin could not decide (bad settings): nothing is known. */
  | { readonly outcome: 'error'; readonly plugin: string; readonly message: string };

export interface Shortage {
  /** The scheduler's explanation for the composition that did not fit. */
  readonly unschedulable: Unschedulable;
  readonly groups: readonly GroupShortage[];
}

/** What one group lacks, judged on its own demand (alternatives aside). */
export interface GroupShortage {
  readonly group: string;
  readonly kind: DeviceKind;
  readonly count: number;
  /** The most devices of the group's demand one host can still take, the group alone. */
  readonly bestFit: number;
  /**
   * `count - bestFit`: how many more matching devices of `kind` the closest host would need to
   * reach. 0 when the group fits alone but not together with the other groups.
   */
  readonly missing: number;
  /** The host where the group came closest (none when no host takes even one device). */
  readonly closestHost?: string;
  /** The switches behind which the closest host reaches devices of `kind`: the fabric to grow. */
  readonly switches: readonly string[];
  /** Devices of `kind` the closest host (every host, without one) reaches, and how many are free. */
  readonly reachable: number;
  readonly free: number;
  /** The scheduler's reason for this group. */
  readonly reason: string;
}

/** One kind's devices as seen by the scheduler (devices some host reaches). */
export interface KindCapacity {
  readonly kind: DeviceKind;
  readonly total: number;
  /** Healthy enough, in an eligible lifecycle, marked schedulable. */
  readonly schedulable: number;
  /** Held by at least one composition. */
  readonly inUse: number;
  /** Schedulable, not in use, but excluded (promised to a lease). */
  readonly promised: number;
  /** Schedulable, in use by nobody, not excluded: what a new composition may take. */
  readonly free: number;
}
