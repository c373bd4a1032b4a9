import type { Assignment } from '../composition/index.js';
import type { CompositionSpec } from '../spec/index.js';

/** Why a lease could not be admitted, per composition group that came up short. */
export interface LeaseShortfall {
  /** Which of the lease's compositions (0-based) found nothing. */
  readonly composition: number;
  readonly group: string;
  readonly why: string;
}

/**
 * What happens to a lease, as facts; stored as `tessera.composer.v1.Lease<Fact>` events. The
 * ledger follows `Admitted` (hold the devices for the window), `Cancelled` and `Ended` (release
 * the holds).
 */
export type LeaseFact =
  | {
      readonly fact: 'Requested';
      readonly id: string;
      readonly tenant: string;
      readonly name: string;
      readonly spec: CompositionSpec;
      readonly count: number;
      readonly start: string;
      readonly end: string;
      readonly requestedBy: string;
      readonly requestedAt: string;
      /** The caller's idempotency key, when the request had one. */
      readonly idempotencyKey?: string;
    }
  /** One held assignment (host + devices) per composition, held for the whole window. */
  | { readonly fact: 'Admitted'; readonly held: readonly Assignment[] }
  | {
      readonly fact: 'Rejected';
      readonly reason: string;
      readonly shortfalls: readonly LeaseShortfall[];
    }
  | { readonly fact: 'Started'; readonly compositionIds: readonly string[] }
  | { readonly fact: 'EndingSoon'; readonly endsAt: string }
  | { readonly fact: 'Ended'; readonly compositionIds: readonly string[] }
  | { readonly fact: 'Cancelled'; readonly reason: string };

export const leaseFactNames = [
  'Requested',
  'Admitted',
  'Rejected',
  'Started',
  'EndingSoon',
  'Ended',
  'Cancelled',
] as const satisfies readonly LeaseFact['fact'][];

export type LeaseFactName = (typeof leaseFactNames)[number];
