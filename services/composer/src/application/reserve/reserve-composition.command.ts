import type { Assignment, UnschedulableGroup } from '@tessera/composer-domain';
import type { ComposeDeps } from '../compose/compose-deps.js';
import type { QuotaStore } from '../quotas/quota-store.js';
import type { ReservationBook } from './reservation-book.js';

/** What reserving and applying need: composing's dependencies and the book of holds. */
export interface ReserveDeps extends ComposeDeps {
  readonly reservations: ReservationBook;
  /**
   * The tenants' quotas: with it, preview and reserve choose within the tenant's quotas and
   * explain a quota that refuses (the ledger enforces them in any case).
   */
  readonly quotas?: QuotaStore;
}

export const minHoldSeconds = 1;
export const maxHoldSeconds = 3600;

export interface ReserveCompositionCommand {
  /** Untrusted input: validated before anything is held. */
  readonly spec: unknown;
  /** How long the devices stay held for an apply: 1..3600. */
  readonly holdSeconds: number;
  readonly requestedBy: string;
}

/** What a reserve answers; each outcome says what the caller does next. */
export type ReservationOutcome =
  /** Apply `reservationId` before `expiresAt` to compose exactly `assignment`. */
  | {
      readonly outcome: 'held';
      readonly reservationId: string;
      readonly expiresAt: Date;
      readonly assignment: Assignment;
    }
  /** Nothing fits now: change the spec or wait for capacity. */
  | {
      readonly outcome: 'unschedulable';
      readonly reason: string;
      readonly hostsExamined: number;
      readonly groups: readonly UnschedulableGroup[];
    }
  /** Other requests kept taking the chosen devices first: try again. */
  | { readonly outcome: 'contended'; readonly reason: string }
  /** A scheduler plugin could not decide (bad settings, inconsistent view). */
  | { readonly outcome: 'error'; readonly reason: string };

export interface ApplyReservationCommand {
  readonly reservationId: string;
  /** The same key again returns the composition it first created. */
  readonly idempotencyKey: string;
  readonly requestedBy: string;
}
