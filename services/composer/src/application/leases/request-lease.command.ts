import type { Assignment, LeaseShortfall } from '@tessera/composer-domain';

/** Ask for a spec's compositions (`count` of them) held for the window [start, end). */
export interface RequestLeaseCommand {
  readonly tenant: string;
  readonly name: string;
  /**
   * A composition spec, or a template reference (`template`) with overrides, rendered here
   * (application/templates `resolveSpec`). Validated here.
   */
  readonly spec: unknown;
  readonly count: number;
  /** ISO-8601. */
  readonly start: string;
  readonly end: string;
  readonly requestedBy: string;
  /**
   * The same key with the same request answers the lease it created (nothing new is stored);
   * with another request it throws `LeaseIdempotencyConflictError`.
   */
  readonly idempotencyKey?: string;
}

/** Yes with the capacity held per composition, or no with what is short. */
export type LeaseAdmission =
  | { readonly outcome: 'admitted'; readonly leaseId: string; readonly held: readonly Assignment[] }
  | {
      readonly outcome: 'rejected';
      readonly leaseId: string;
      readonly reason: string;
      readonly shortfalls: readonly LeaseShortfall[];
    };
