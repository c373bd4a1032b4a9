import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CompositionsHoldingDevice } from '../ports/compositions-holding-device.js';

export interface ReplaceFailedDeviceCommand {
  /** A device the inventory reports failed. */
  readonly deviceId: string;
}

export interface HealDeps extends ComposeDeps {
  readonly holders: CompositionsHoldingDevice;
}

/** What healing did for one composition holding the failed device. */
export type HealingOutcome =
  /** A replacement is reserved and its attach asked; the failed device is detached once it is attached. */
  | {
      readonly compositionId: string;
      readonly outcome: 'replacing';
      readonly replacementDeviceId: string;
    }
  /** Nothing fits: `ReplacementUnavailable` is recorded; the composition is ready but degraded. */
  | { readonly compositionId: string; readonly outcome: 'no-replacement'; readonly reason: string }
  /** Not healed here: no healing policy, not ready, the device not attached, or already replacing. */
  | { readonly compositionId: string; readonly outcome: 'skipped'; readonly reason: string };
