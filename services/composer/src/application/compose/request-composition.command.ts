import type { Assignment, CompositionStatus } from '@tessera/composer-domain';

export interface RequestCompositionCommand {
  /** Untrusted input: validated before anything is stored. */
  readonly spec: unknown;
  /** The same key again returns the composition it first created (with the same spec). */
  readonly idempotencyKey: string;
  readonly requestedBy: string;
}

/** Where a requested composition stands once the request returns. */
export interface CompositionOutcome {
  readonly compositionId: string;
  readonly status: CompositionStatus;
  /** The host and devices reserved, once scheduled. */
  readonly assignment?: Assignment;
  /** Why it failed: the reason and, per group, why nothing fitted. */
  readonly failure?: {
    readonly reason: string;
    readonly unschedulable: readonly { readonly group: string; readonly why: string }[];
  };
}
