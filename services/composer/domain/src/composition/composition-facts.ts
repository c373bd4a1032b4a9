import type { CompositionSpec, DeviceGroupSpec } from '../spec/index.js';
import type { DeviceFabrics, GroupAssignment, UnschedulableGroup } from './composition-commands.js';

/**
 * What happens to a composition, as facts; stored as `tessera.composer.v1.<fact>` events (see
 * composition-events.ts). Intents (`AttachRequested`, `DetachRequested`) are facts too: the
 * fleet turns them into the host's desired state. The ledger follows `Scheduled`,
 * `ExpansionStarted` and `DeviceReplacementStarted` (reserve), `Ready`, `Expanded` and
 * `DeviceReplaced` (confirm), `ReservationReleased` (release the reservation's devices that were
 * never put on the host; keep those being detached), `DeviceDetached` (release that device),
 * `DecomposeRequested` (release devices never put on the host) and `Decomposed` (release
 * everything the composition still holds).
 */
export type CompositionFact =
  | {
      readonly fact: 'Requested';
      readonly id: string;
      readonly spec: CompositionSpec;
      readonly idempotencyKey: string;
      readonly requestedBy: string;
      readonly maxReschedules: number;
      readonly requestedAt: string;
      /** The lease this composition is one of, when it is. */
      readonly leaseId?: string;
    }
  | {
      readonly fact: 'Scheduled';
      readonly hostId: string;
      readonly groups: readonly GroupAssignment[];
      readonly reservationId: string;
      readonly attachDeadline: string;
      readonly fabrics?: DeviceFabrics;
    }
  /**
   * Exactly the proto3 JSON of `composer.AttachRequestedV2` once stored (attach-contract.md):
   * one intent for every device a step attaches on the host.
   */
  | {
      readonly fact: 'AttachRequested';
      readonly hostId: string;
      readonly devices: readonly AttachTarget[];
      readonly deadline: string;
    }
  /** The devices one observation reported attached (`DeviceAttachedV2`). */
  | { readonly fact: 'DeviceAttached'; readonly devices: readonly AttachedDevice[] }
  | { readonly fact: 'DeviceAttachFailed'; readonly deviceId: string; readonly detail: string }
  | {
      readonly fact: 'AttachDeadlinePassed';
      readonly deadline: string;
      readonly pendingDeviceIds: readonly string[];
    }
  /** Every device of the composition is attached to its host. */
  | { readonly fact: 'Ready' }
  /**
   * Exactly the proto3 JSON of `composer.DetachRequestedV2` once stored (attach-contract.md):
   * one intent for every device a step detaches from the host.
   */
  | {
      readonly fact: 'DetachRequested';
      readonly hostId: string;
      readonly deviceIds: readonly string[];
      readonly reason: string;
    }
  /** The devices one observation reported detached (`DeviceDetachedV2`). */
  | { readonly fact: 'DeviceDetached'; readonly deviceIds: readonly string[] }
  /** The ledger may free the devices still held under this reservation. */
  | { readonly fact: 'ReservationReleased'; readonly reservationId: string }
  /** An attempt was given up; the scheduler chooses again, avoiding the devices named. */
  | {
      readonly fact: 'Rescheduling';
      readonly attempt: number;
      readonly reason: string;
      readonly avoidDeviceIds: readonly string[];
    }
  | {
      readonly fact: 'Failed';
      readonly reason: string;
      /** Per group, why the scheduler found nothing; empty when attaching failed for good. */
      readonly unschedulable: readonly UnschedulableGroup[];
    }
  | {
      readonly fact: 'ExpansionStarted';
      readonly hostId: string;
      readonly group: DeviceGroupSpec;
      readonly deviceIds: readonly string[];
      readonly reservationId: string;
      readonly attachDeadline: string;
      readonly fabrics?: DeviceFabrics;
    }
  | { readonly fact: 'Expanded'; readonly group: string }
  /** The new group could not be attached; the composition is as it was before. */
  | { readonly fact: 'ExpansionAbandoned'; readonly group: string; readonly reason: string }
  | { readonly fact: 'ShrinkStarted'; readonly deviceIds: readonly string[] }
  | { readonly fact: 'Shrunk'; readonly deviceIds: readonly string[] }
  | {
      readonly fact: 'DeviceReplacementStarted';
      readonly hostId: string;
      readonly group: string;
      readonly failedDeviceId: string;
      readonly replacementDeviceId: string;
      readonly reservationId: string;
      readonly attachDeadline: string;
      readonly fabrics?: DeviceFabrics;
    }
  | {
      readonly fact: 'DeviceReplaced';
      readonly failedDeviceId: string;
      readonly replacementDeviceId: string;
    }
  /** The replacement could not be attached; the failed device stays, to be replaced again. */
  | {
      readonly fact: 'ReplacementAbandoned';
      readonly failedDeviceId: string;
      readonly reason: string;
    }
  /** Healing found no replacement: the composition stays ready, degraded, with the failed device. */
  | {
      readonly fact: 'ReplacementUnavailable';
      readonly group: string;
      readonly failedDeviceId: string;
      readonly reason: string;
    }
  | { readonly fact: 'DecomposeRequested'; readonly reason: string; readonly requestedBy: string }
  /** Every device is detached; the composition holds nothing any more. */
  | { readonly fact: 'Decomposed' };

export type CompositionFactName = CompositionFact['fact'];

/** A device of an attach intent: `attempt` is echoed by the answer (attach-intents.ts). */
export interface AttachTarget {
  readonly deviceId: string;
  readonly attempt: number;
  /** The fabric of the route the scheduler chose, when it knew one. */
  readonly fabricId?: string;
}

export interface AttachedDevice {
  readonly deviceId: string;
  readonly detail: string;
}

export const compositionFactNames = [
  'Requested',
  'Scheduled',
  'AttachRequested',
  'DeviceAttached',
  'DeviceAttachFailed',
  'AttachDeadlinePassed',
  'Ready',
  'DetachRequested',
  'DeviceDetached',
  'ReservationReleased',
  'Rescheduling',
  'Failed',
  'ExpansionStarted',
  'Expanded',
  'ExpansionAbandoned',
  'ShrinkStarted',
  'Shrunk',
  'DeviceReplacementStarted',
  'DeviceReplaced',
  'ReplacementAbandoned',
  'ReplacementUnavailable',
  'DecomposeRequested',
  'Decomposed',
] as const satisfies readonly CompositionFactName[];

/** Fails to compile when a fact is missing from `compositionFactNames`. */
const _everyFactNamed: [
  Exclude<CompositionFactName, (typeof compositionFactNames)[number]>,
] extends [never]
  ? true
  : never = true;
