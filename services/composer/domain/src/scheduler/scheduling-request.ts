/**
 * What the scheduler is asked for: a host and groups of devices reachable from it. The
 * composition spec maps onto these types; device kinds, typed attributes and labels come from
 * the shared hardware vocabulary (libs/hardware).
 */

import type { DeviceAttributeName, DeviceKind, Labels } from '@tessera/hardware';

export {
  deviceAttributeNames,
  deviceKinds,
  type DeviceAttributeName,
  type DeviceKind,
  type Labels,
} from '@tessera/hardware';

/** Units are in the names; a source reports what it knows, so every attribute may be absent. */
export type DeviceAttributes = Readonly<Partial<Record<DeviceAttributeName, number>>>;

export type NumericOperator = 'lt' | 'lte' | 'eq' | 'ne' | 'gte' | 'gt';

/** `memoryGiB gte 80`. A device that does not report the attribute never matches. */
export interface AttributeSelector {
  readonly attribute: DeviceAttributeName;
  readonly op: NumericOperator;
  readonly value: number;
}

/** `model in [H100, H200]`, `vendor notIn [acme]`; compared exactly. */
export interface IdentitySelector {
  readonly field: 'model' | 'vendor';
  readonly op: 'in' | 'notIn';
  readonly values: readonly string[];
}

export type DeviceSelector = AttributeSelector | IdentitySelector;

export interface GroupConstraints {
  /**
   * `host`: every device sits on the host's own switch (see plugins/same-switch.ts);
   * `group`: all the group's devices hang from one common switch (peer-to-peer traffic).
   */
  readonly sameSwitchAs?: 'host' | 'group';
  /** The most switches a device's route from the host may cross. */
  readonly maxHops?: number;
  /** Spread the group's devices over enclosures or racks (see plugins/failure-domain-spread.ts). */
  readonly spreadAcross?: 'enclosure' | 'rack';
  /** Accept sharable devices that other compositions already use, up to their limit. */
  readonly allowShared?: boolean;
  /**
   * Every device hangs from this switch (the last of its route, `(host)` when none is crossed).
   * Set by the composer, never by a spec: a device joining a group whose devices share a switch
   * (a replacement under `sameSwitchAs: 'group'`) must hang from that same switch.
   */
  readonly underSwitch?: string;
}

/** What one group needs: `count` devices of `kind` matching every selector and label. */
export interface DeviceDemand {
  readonly kind: DeviceKind;
  readonly count: number;
  readonly selectors?: readonly DeviceSelector[];
  /** Every label must be present on the device with exactly this value. */
  readonly labels?: Labels;
  readonly constraints?: GroupConstraints;
}

/** A named group; when its own demand cannot be met on a host, `alternatives` are tried in order. */
export interface GroupRequest extends DeviceDemand {
  readonly name: string;
  readonly alternatives?: readonly DeviceDemand[];
}

export interface HostSelector {
  readonly minCores?: number;
  readonly minMemoryGiB?: number;
  readonly labels?: Labels;
  readonly site?: string;
  readonly rack?: string;
}

/** Either one given host or any host matching a selector. */
export type HostRequest = { readonly hostId: string } | { readonly selector: HostSelector };

export interface SchedulingRequest {
  readonly tenant: string;
  readonly host: HostRequest;
  readonly groups: readonly GroupRequest[];
}

/** Every label in `wanted` is present in `actual` with the same value. */
export function hasLabels(actual: Labels, wanted: Labels | undefined): boolean {
  if (wanted === undefined) return true;
  return Object.entries(wanted).every(([key, value]) => actual[key] === value);
}

/**
 * Orders ids by UTF-16 code unit: the same on every machine and locale, so decisions that break
 * ties by id are reproducible.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
