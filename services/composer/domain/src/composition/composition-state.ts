import type { CompositionSpec, DeviceGroupSpec } from '../spec/index.js';
import type { UnschedulableGroup } from './composition-commands.js';

/**
 * Where a composition stands (ARCHITECTURE.md, "Composition lifecycle"): `requested` (waiting
 * for the scheduler, again after a reschedule) → `scheduled` (devices reserved) → `attaching`
 * → `ready`; from `ready`, `expanding`, `shrinking` or `healing` (replacing a failed device)
 * and back; `decomposing` → `decomposed`; or `failed` with a reason.
 */
export const compositionStatuses = [
  'requested',
  'scheduled',
  'attaching',
  'ready',
  'expanding',
  'shrinking',
  'healing',
  'decomposing',
  'decomposed',
  'failed',
] as const;
export type CompositionStatus = (typeof compositionStatuses)[number];

/**
 * A device held by the composition: `reserved` (no intent yet), `attaching` (attach asked),
 * `attached`, `detaching` (detach asked, not yet observed). A device leaves the list when its
 * attach fails, its detach is observed, or its reservation is released before any intent.
 */
export interface DeviceBinding {
  readonly deviceId: string;
  readonly group: string;
  readonly hostId: string;
  readonly status: 'reserved' | 'attaching' | 'attached' | 'detaching';
  /** The ledger reservation the device was reserved under (of its schedule, expansion or replacement). */
  readonly reservationId: string;
  /** The fabric of the route to the device, when the scheduler knew it. */
  readonly fabricId?: string;
}

/** A change of a ready composition in progress. */
export type CompositionChange =
  | {
      readonly change: 'expansion';
      readonly group: DeviceGroupSpec;
      readonly reservationId: string;
    }
  | { readonly change: 'shrink'; readonly deviceIds: readonly string[] }
  | {
      readonly change: 'replacement';
      readonly group: string;
      readonly failedDeviceId: string;
      readonly replacementDeviceId: string;
      readonly reservationId: string;
    };

export interface Composition {
  readonly status: CompositionStatus;
  readonly id: string;
  /** As requested; `expansions` holds the groups added since. */
  readonly spec: CompositionSpec;
  readonly expansions: readonly DeviceGroupSpec[];
  readonly idempotencyKey: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly maxReschedules: number;
  /**
   * The lease this composition is one of: its reservations name the lease, so it may take the
   * devices the lease holds for it, on every attempt.
   */
  readonly leaseId: string | undefined;
  readonly reschedules: number;
  /** Devices that failed an earlier attempt: the scheduler does not choose them again. */
  readonly avoidDeviceIds: readonly string[];
  readonly hostId: string | undefined;
  /** The current attempt's reservation, until it is released or the composition is ready. */
  readonly reservationId: string | undefined;
  /** The deadline of the attach in flight, if any. */
  readonly attachDeadline: string | undefined;
  readonly bindings: readonly DeviceBinding[];
  /** Per device, the `attempt` of the latest attach asked: the only one whose answer counts. */
  readonly attachAttempts: Readonly<Record<string, number>>;
  readonly change: CompositionChange | undefined;
  /** Failed devices healing found no replacement for: the composition is ready but degraded. */
  readonly degradedDeviceIds: readonly string[];
  readonly failure:
    { readonly reason: string; readonly unschedulable: readonly UnschedulableGroup[] } | undefined;
}

export interface AbsentComposition {
  readonly status: 'absent';
}

export type CompositionState = AbsentComposition | Composition;

export const absentComposition: AbsentComposition = { status: 'absent' };

/** The groups the composition holds devices for: the requested ones, then the expansions. */
export function groupsOf(composition: Composition): readonly DeviceGroupSpec[] {
  return [...composition.spec.groups, ...composition.expansions];
}

export function bindingOf(composition: Composition, deviceId: string): DeviceBinding | undefined {
  return composition.bindings.find((binding) => binding.deviceId === deviceId);
}

/** The host of a composition past scheduling; a composition without one there is a bug. */
export function hostOf(composition: Composition): string {
  if (composition.hostId === undefined) {
    throw new Error(`composition "${composition.id}" is ${composition.status} without a host`);
  }
  return composition.hostId;
}

/** Devices with an attach asked or done: what must be detached to give them back. */
export function isOnHost(binding: DeviceBinding): boolean {
  return binding.status === 'attaching' || binding.status === 'attached';
}
