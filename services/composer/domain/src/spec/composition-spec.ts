import type { AttributeName, DeviceKind } from './device-kinds.js';

/** Free-form key/value labels, as in Kubernetes and the inventory: `team=render`. */
export type Labels = Readonly<Record<string, string>>;

/**
 * What a user asks the composer for: a host plus groups of pooled devices attached to it
 * through the fabric. A spec is only trusted once `validateCompositionSpec` accepted it.
 */
export interface CompositionSpec {
  readonly name: string;
  readonly tenant: string;
  readonly labels?: Labels;
  readonly host: HostRequest;
  /** 1 to 16 groups with distinct names. */
  readonly groups: readonly DeviceGroupSpec[];
  /** Whether a device that fails inside a ready composition is replaced by a matching one. */
  readonly healing?: { readonly replaceFailed: boolean };
  /** 0 to 1000; higher is scheduled first. `defaultPriority` when absent. */
  readonly priority?: number;
  /** The template this spec was rendered from, for audit and re-rendering. */
  readonly template?: TemplateRef;
}

export const defaultPriority = 100;

/** A named host, or any host that matches the selector. */
export type HostRequest = { readonly hostId: string } | { readonly selector: HostSelector };

export interface HostSelector {
  readonly minCores?: number;
  readonly minMemoryGiB?: number;
  readonly labels?: Labels;
  readonly site?: string;
  readonly rack?: string;
}

/** The shape of a device group; alternatives are shapes too, tried in order when it does not fit. */
export interface DeviceGroupShape {
  readonly kind: DeviceKind;
  /** 1 to 64 devices. */
  readonly count: number;
  /** Every selector must hold for a device to be chosen. */
  readonly selectors?: readonly AttributeSelector[];
  /** Labels every chosen device must carry. */
  readonly labels?: Labels;
  readonly constraints?: GroupConstraints;
}

export interface DeviceGroupSpec extends DeviceGroupShape {
  readonly name: string;
  /** Used in order when the group itself cannot be satisfied: the first that fits wins. */
  readonly alternatives?: readonly DeviceGroupShape[];
}

export interface GroupConstraints {
  /**
   * `host`: each device is behind the same switch as the host (peer-to-peer with the CPU);
   * `group`: the group's devices share a switch (peer-to-peer among themselves; needs 2+).
   */
  readonly sameSwitchAs?: 'host' | 'group';
  /** At most this many switch hops from the host (0 = local to the host). */
  readonly maxHops?: number;
  /** Each device in a different enclosure or rack (a failure domain). */
  readonly spreadAcross?: 'enclosure' | 'rack';
  /** Whether devices already in other compositions (within their sharing limit) may be used. */
  readonly allowShared?: boolean;
}

export const comparisonOps = ['<', '<=', '=', '!=', '>=', '>'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

export const membershipOps = ['in', 'not-in'] as const;
export type MembershipOp = (typeof membershipOps)[number];

export const listFields = ['model', 'vendor'] as const;
export type ListField = (typeof listFields)[number];

/** A numeric attribute compared with a value, or the model / vendor in (or not in) a list. */
export type AttributeSelector =
  | { readonly attribute: AttributeName; readonly op: ComparisonOp; readonly value: number }
  | { readonly field: ListField; readonly op: MembershipOp; readonly values: readonly string[] };

export interface TemplateRef {
  readonly name: string;
  readonly version?: string;
  readonly parameters?: Readonly<Record<string, string | number | boolean>>;
}
