import type { LeaseFact, LeaseState } from '@tessera/composer-domain';
import { TesseraError } from '@tessera/errors';
import type { CommandContext } from '../ports/command-context.js';
import type { PromisedDevices } from '../capacity/promised-devices.js';

/** A lease as last stored, with the version to expect when appending (0: never stored). */
export interface LoadedLease {
  readonly state: LeaseState;
  readonly version: number;
  /** When its first and its last event were recorded (ISO 8601; absent for an absent lease). */
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** Devices to hold for a lease's whole window. */
export interface LeaseHold {
  readonly start: Date;
  readonly end: Date;
  /** Each device with its sharing limit and kind (for the tenant's quotas). */
  readonly devices: readonly {
    readonly deviceId: string;
    readonly maxCompositions: number;
    readonly kind?: string;
  }[];
}

/** Facts to append to a lease, with what the ledger must do in the same transaction. */
export interface LeaseChange {
  readonly leaseId: string;
  readonly facts: readonly LeaseFact[];
  readonly expectedVersion: number;
  /** The lease after the facts (kept in the lease table the scheduler job reads). */
  readonly state: LeaseState;
  /**
   * Hold these devices, all or none: `DevicesTakenError` names those refused,
   * `QuotaExceededError` says which quota of the lease's tenant the window would pass.
   */
  readonly hold?: LeaseHold;
  /** Let go of every device held for the lease. */
  readonly releaseHolds?: boolean;
  /**
   * With the first facts of a lease: the caller's idempotency key and the request's
   * fingerprint (`leaseRequestFingerprint`). A key another lease has throws `LeaseKeyTakenError`.
   */
  readonly idempotency?: LeaseIdempotency;
}

export interface LeaseIdempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/** What an idempotency key already names, judged for a request with this fingerprint. */
export type EarlierLeaseRequest =
  | { readonly outcome: 'none' }
  /** The same request: answer that lease. */
  | { readonly outcome: 'same'; readonly leaseId: string }
  /** Another request used the key. */
  | { readonly outcome: 'other'; readonly leaseId: string };

/** Another request stored a lease under the key first (a race): look at what it names. */
export class LeaseKeyTakenError extends TesseraError<'LEASE_KEY_TAKEN'> {
  readonly code = 'LEASE_KEY_TAKEN';

  constructor(
    readonly idempotencyKey: string,
    options?: ErrorOptions,
  ) {
    super(`idempotency key "${idempotencyKey}" names another lease`, options);
  }
}

/** What the lease scheduler job must do next to one lease. */
export interface DueLease {
  readonly leaseId: string;
  readonly action: 'start' | 'warn' | 'end';
}

/** Where leases are kept: their event streams, the lease table and the ledger's holds. */
export interface LeaseBook extends PromisedDevices {
  load(leaseId: string): Promise<LoadedLease>;
  /**
   * Appends and does the ledger work in one transaction: both commit or neither. A stale
   * version throws `VersionConflictError`, a refused hold `DevicesTakenError`.
   */
  save(change: LeaseChange, context: CommandContext): Promise<void>;
  /**
   * Leases with something due at `now`: admitted ones whose start came, started ones whose end
   * came, started ones within `warnAheadMs` of their end and not yet warned. Earliest first;
   * at one instant, ends before starts.
   */
  due(now: Date, warnAheadMs: number, limit: number): Promise<DueLease[]>;
  /** What `idempotency.key` names already, for a request with `idempotency.fingerprint`. */
  earlierRequest(idempotency: LeaseIdempotency): Promise<EarlierLeaseRequest>;
}
