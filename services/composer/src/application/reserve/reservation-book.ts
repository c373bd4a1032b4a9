import type { Assignment, CompositionFact, CompositionSpec } from '@tessera/composer-domain';
import type { CommandContext } from '../ports/command-context.js';

/** A preview's choice held under a reservation id until `expiresAt`, waiting to be applied. */
export interface HeldReservation {
  readonly reservationId: string;
  /** The id the composition gets when applied; the ledger rows already carry it. */
  readonly compositionId: string;
  readonly spec: CompositionSpec;
  readonly assignment: Assignment;
  readonly reservedBy: string;
  readonly expiresAt: Date;
}

/** A hold to record, with the ledger reservation of its devices. */
export interface NewHold {
  readonly held: HeldReservation;
  /** The replica making the hold: the ledger owner of its devices. */
  readonly owner: string;
  /** Each held device with its sharing limit (1 = exclusive) and kind (for the tenant's quotas). */
  readonly devices: readonly {
    readonly deviceId: string;
    readonly maxCompositions: number;
    readonly kind?: string;
  }[];
}

/** Turning a hold into a composition: its facts, and the ledger expiry for its attach. */
export interface ReservationApplication {
  readonly held: HeldReservation;
  readonly idempotencyKey: string;
  /** `Requested` then `Scheduled`, under the hold's reservation id. */
  readonly facts: readonly CompositionFact[];
  /** Holds of this age or older are expired and are not applied. */
  readonly now: Date;
  readonly attachDeadline: Date;
  /** The replica applying: the ledger owner of the devices until they are attached. */
  readonly owner: string;
}

/** What an idempotency key already names, for an application of `reservationId`. */
export type EarlierApplication =
  | { readonly outcome: 'none' }
  /** The key applied this reservation before. */
  | { readonly outcome: 'applied'; readonly compositionId: string }
  /** The key was used for another request or reservation. */
  | { readonly outcome: 'other'; readonly compositionId: string };

/** An application either composed now or met a key used before (and stored nothing). */
export type ApplyResult =
  { readonly outcome: 'composed' } | Exclude<EarlierApplication, { readonly outcome: 'none' }>;

/** Where holds are kept, next to the ledger rows of their devices. */
export interface ReservationBook {
  /**
   * Records the hold and reserves its devices in the ledger for the spec's tenant, in one
   * transaction. Throws `DevicesTakenError` when the ledger refuses any device,
   * `QuotaExceededError` when the tenant would pass a quota; then nothing is stored.
   */
  hold(hold: NewHold): Promise<void>;
  find(reservationId: string): Promise<HeldReservation | undefined>;
  /**
   * In one transaction: claims the idempotency key, removes the hold, keeps its ledger rows
   * reserved until the attach deadline and appends the facts. A key used before stores nothing
   * and answers what it names. Throws `HeldReservationNotFoundError` when the hold is gone (applied
   * meanwhile), `ReservationExpiredError` when it expired or the ledger released its devices, and
   * `QuotaExceededError` when the tenant's quota was lowered below what it holds meanwhile.
   */
  apply(application: ReservationApplication, context: CommandContext): Promise<ApplyResult>;
  /** What `idempotencyKey` names, judged for an application of `reservationId`. */
  earlierApplication(idempotencyKey: string, reservationId: string): Promise<EarlierApplication>;
}
