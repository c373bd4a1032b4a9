/** Untrusted input of the lifecycle use cases: each is validated before anything is stored. */

export interface ExpandCompositionCommand {
  readonly compositionId: string;
  /** A `DeviceGroupSpec` (validated): the group to add on the composition's host. */
  readonly group: unknown;
}

export interface ShrinkCompositionCommand {
  readonly compositionId: string;
  /** Attached devices of the composition to detach; at least one device must stay. */
  readonly deviceIds: readonly string[];
}

export interface DecomposeCompositionCommand {
  readonly compositionId: string;
  readonly reason: string;
}
