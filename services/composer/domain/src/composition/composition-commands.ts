import type { CompositionSpec, DeviceGroupSpec } from '../spec/index.js';

/** The devices the scheduler chose for one group of the spec. */
export interface GroupAssignment {
  readonly group: string;
  readonly deviceIds: readonly string[];
}

/** The scheduler's choice for a whole composition: a host and the devices of every group. */
/**
 * Device id → the fabric (inventory id) of the route the scheduler chose from the host to it;
 * devices whose route names no fabric are absent. Attach intents carry it (attach-contract.md).
 */
export type DeviceFabrics = Readonly<Record<string, string>>;

export interface Assignment {
  readonly hostId: string;
  readonly groups: readonly GroupAssignment[];
}

/** Why the scheduler found nothing for a group (from its per-filter explanation). */
export interface UnschedulableGroup {
  readonly group: string;
  readonly why: string;
}

/**
 * What users, the scheduler saga and host agents ask of a composition. Times are ISO-8601
 * strings; the time a command is decided at is `decideComposition`'s `now`. Observations
 * (`RecordAttachment`, `RecordDetachment`) and `CheckDeadline` may arrive late or twice: they
 * never fail for that, they change nothing.
 */
export type CompositionCommand =
  | {
      readonly command: 'Request';
      readonly id: string;
      readonly spec: CompositionSpec;
      readonly idempotencyKey: string;
      readonly requestedBy: string;
      /** How many times a failed attach may be retried on other devices; 3 when absent. */
      readonly maxReschedules?: number;
      /** The lease this composition is one of: it is scheduled (and rescheduled) under it. */
      readonly leaseId?: string;
    }
  /** Devices reserved in the ledger under `reservationId`; attach them before `attachDeadline`. */
  | {
      readonly command: 'Schedule';
      readonly assignment: Assignment;
      readonly reservationId: string;
      readonly attachDeadline: string;
      /** The fabric of the host's route to each device, where the scheduler knows it. */
      readonly fabrics?: DeviceFabrics;
    }
  /** The scheduler found no candidates. */
  | {
      readonly command: 'FailScheduling';
      readonly reason: string;
      readonly groups: readonly UnschedulableGroup[];
    }
  | { readonly command: 'StartAttaching' }
  /** What one observation reported of the devices of an attach intent. */
  | { readonly command: 'RecordAttachment'; readonly results: readonly AttachResult[] }
  /** A timer's check: gives up an attach still in flight once its deadline is `now` or past. */
  | { readonly command: 'CheckDeadline' }
  /** Adds a group whose devices are already reserved under `reservationId`. */
  | {
      readonly command: 'Expand';
      readonly group: DeviceGroupSpec;
      readonly deviceIds: readonly string[];
      readonly reservationId: string;
      readonly attachDeadline: string;
      readonly fabrics?: DeviceFabrics;
    }
  | { readonly command: 'Shrink'; readonly deviceIds: readonly string[] }
  /** A device of a ready composition failed; `replacementDeviceId` is reserved to replace it. */
  | {
      readonly command: 'ReplaceFailedDevice';
      readonly failedDeviceId: string;
      readonly replacementDeviceId: string;
      readonly reservationId: string;
      readonly attachDeadline: string;
      readonly fabrics?: DeviceFabrics;
    }
  /** Healing found no device to replace `failedDeviceId` with; `reason` is the scheduler's. */
  | {
      readonly command: 'ReportNoReplacement';
      readonly failedDeviceId: string;
      readonly reason: string;
    }
  | { readonly command: 'Decompose'; readonly reason: string; readonly requestedBy: string }
  /** What one observation reported detached of the devices of detach intents. */
  | { readonly command: 'RecordDetachment'; readonly deviceIds: readonly string[] };

export type CompositionCommandName = CompositionCommand['command'];

export const defaultMaxReschedules = 3;

/** What became of one device of an attach intent, as its host's agent observed it. */
export interface AttachResult {
  readonly deviceId: string;
  readonly outcome: 'attached' | 'failed';
  readonly detail: string;
  /** The intent's attempt this answers; a result for another attempt changes nothing. */
  readonly attempt?: number;
}
