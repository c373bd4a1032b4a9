import { type CandidateIndex, type Candidate, type HostRecord } from './candidate-index.js';
import { type DeviceDemand, type SchedulingRequest } from './scheduling-request.js';
import { type Failure, type Status } from './status.js';

/** One scheduling decision: shared by every plugin call it makes. */
export interface SchedulingCycle {
  readonly request: SchedulingRequest;
  readonly index: CandidateIndex;
}

/** One group's demand (its own or an alternative) being planned on one host. */
export interface GroupContext {
  readonly cycle: SchedulingCycle;
  readonly host: HostRecord;
  readonly groupName: string;
  readonly demand: DeviceDemand;
  /** Devices already chosen on this host for earlier groups of the request. */
  readonly planned: readonly Candidate[];
}

export interface ScoredCandidate {
  readonly candidate: Candidate;
  /** The weighted sum of the device scorers. */
  readonly score: number;
}

/** A decision to hold: the host and, per group, the devices (in choice order). */
export interface Decision {
  readonly hostId: string;
  readonly groups: readonly ScheduledGroup[];
}

export interface ScheduledGroup {
  readonly name: string;
  /** null when the group's own demand was met, else the index in its `alternatives`. */
  readonly alternative: number | null;
  readonly deviceIds: readonly string[];
}

/** Every plugin has a stable name: the registry key, and the key of explanations. */
export interface Plugin {
  readonly name: string;
}

/** Whether a host may carry the composition at all. */
export interface HostFilterPlugin extends Plugin {
  filterHost(host: HostRecord, cycle: SchedulingCycle): Status;
}

/** Whether a demand can be met on a host at all, before looking at devices (quota). */
export interface GroupPreFilterPlugin extends Plugin {
  preFilterGroup(context: GroupContext): Status;
}

/**
 * A device filter or scorer whose answer depends only on the device, the demand and the pool's
 * usage, never on the host or the route: one decision asks it once per device and demand, how
 * many examined hosts reach the device (see DeviceVerdicts).
 */
export interface PerDevice {
  readonly perDevice?: boolean;
}

/** Whether one reachable device may serve a demand. */
export interface DeviceFilterPlugin extends Plugin, PerDevice {
  filterDevice(candidate: Candidate, context: GroupContext): Status;
  /**
   * Whether it can refuse any device for this demand (absent: it can). One that cannot is not
   * asked about each candidate of the demand: a route filter runs for every host and device.
   */
  mayRefuse?(demand: DeviceDemand): boolean;
}

/** Scores are in 0..100, higher is better; the configuration weighs them. */
export interface HostScorePlugin extends Plugin {
  scoreHost(host: HostRecord, cycle: SchedulingCycle): number;
}

export interface DeviceScorePlugin extends Plugin, PerDevice {
  scoreDevice(candidate: Candidate, context: GroupContext): number;
}

/**
 * Constraints on the devices of a group together (a common switch, spread): receives the
 * filtered candidates best first and returns those still eligible, in the order to take them.
 * The first `count` of the last placement's answer are chosen.
 */
export interface PlacementPlugin extends Plugin {
  place(candidates: readonly ScoredCandidate[], context: GroupContext): Placement;
  /**
   * Whether `place` has anything to do for this demand (absent: always). When no placement
   * applies, the scheduler keeps only the best `count` candidates instead of ranking them all.
   */
  appliesTo?(demand: DeviceDemand): boolean;
  /**
   * The group a candidate falls in for this demand (its switch, its failure domain), for a
   * placement that takes candidates of a group best first and never more than the demand's
   * `count` of one group. When it is the only placement that applies, the scheduler keeps only
   * the best `count` of each group (not when explaining: refusals count every candidate).
   */
  groupOf?(candidate: Candidate, demand: DeviceDemand): string;
}

export type Placement =
  { readonly code: 'success'; readonly candidates: readonly ScoredCandidate[] } | Failure;

/**
 * Holds a decision until the ledger confirms it. When a later reserve plugin fails, the
 * earlier ones are unreserved in reverse order; unreserve must undo exactly what reserve did.
 */
export interface ReservePlugin extends Plugin {
  reserve(decision: Decision, cycle: SchedulingCycle): Status;
  unreserve(decision: Decision, cycle: SchedulingCycle): void;
}

/** A plugin implements one or more extension points, told apart by their method names. */
export type SchedulerPlugin = Plugin &
  Partial<
    Omit<HostFilterPlugin, 'name'> &
      Omit<GroupPreFilterPlugin, 'name'> &
      Omit<DeviceFilterPlugin, 'name'> &
      Omit<HostScorePlugin, 'name'> &
      Omit<DeviceScorePlugin, 'name'> &
      Omit<PlacementPlugin, 'name'> &
      Omit<ReservePlugin, 'name'>
  >;

export const isHostFilter = (p: SchedulerPlugin): p is HostFilterPlugin =>
  p.filterHost !== undefined;
export const isGroupPreFilter = (p: SchedulerPlugin): p is GroupPreFilterPlugin =>
  p.preFilterGroup !== undefined;
export const isDeviceFilter = (p: SchedulerPlugin): p is DeviceFilterPlugin =>
  p.filterDevice !== undefined;
export const isPlacement = (p: SchedulerPlugin): p is PlacementPlugin => p.place !== undefined;
export const isHostScorer = (p: SchedulerPlugin): p is HostScorePlugin => p.scoreHost !== undefined;
export const isDeviceScorer = (p: SchedulerPlugin): p is DeviceScorePlugin =>
  p.scoreDevice !== undefined;
export const isReserver = (p: SchedulerPlugin): p is ReservePlugin =>
  p.reserve !== undefined && p.unreserve !== undefined;
