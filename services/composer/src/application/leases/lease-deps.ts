import type { ComposeDeps } from '../compose/compose-deps.js';
import type { LeaseBook } from './lease-book.js';

/** What admitting and running leases needs; composing uses the compose dependencies. */
export interface LeaseDeps extends ComposeDeps {
  readonly leases: LeaseBook;
  /** How long before its end a lease warns (`LeaseEndingSoon`); default 15 minutes. */
  readonly endingSoonMs?: number;
  /** Admissions the ledger may refuse (devices held meanwhile) before the lease is rejected. */
  readonly maxAdmissionAttempts?: number;
}

export const defaultEndingSoonMs = 15 * 60_000;
export const defaultMaxAdmissionAttempts = 3;
