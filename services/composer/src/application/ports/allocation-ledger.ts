import { TesseraError } from '@tessera/errors';

/** Devices to hold for a composition until `expiresAt` (the attach deadline), all or none. */
export interface DeviceReservation {
  /** Repeating a reservation with the same id and devices is a no-op. */
  readonly reservationId: string;
  readonly compositionId: string;
  /** The composer process making it: its reservations go when it is declared dead. */
  readonly owner: string;
  readonly expiresAt: Date;
  /** Each device with its sharing limit (1 = exclusive) and, for quotas, its kind. */
  readonly devices: readonly {
    readonly deviceId: string;
    readonly maxCompositions: number;
    readonly kind?: string;
  }[];
  /** The composition's tenant: with device kinds, the reservation counts against its quotas. */
  readonly tenant?: string;
  /** The lease the composition belongs to: it may take the devices held for that lease. */
  readonly leaseId?: string;
}

export type LedgerReleaseTarget =
  { readonly reservationId: string } | { readonly compositionId: string };

/**
 * The allocation ledger, the authority on who holds which device. The instance a repository
 * hands to its ledger work writes in that work's transaction.
 */
export interface AllocationLedgerPort {
  /**
   * Throws `DevicesTakenError` when any device is at its limit (or promised to another lease),
   * `QuotaExceededError` (@tessera/composer-domain) when the tenant would pass a quota; then
   * nothing is held.
   */
  reserve(reservation: DeviceReservation): Promise<void>;
  /** Turns a reservation into allocations without expiry. */
  confirm(reservationId: string): Promise<void>;
  /** Idempotent. */
  release(target: LedgerReleaseTarget): Promise<void>;
  /** Lets go of these devices of the composition (their detach was observed). Idempotent. */
  releaseDevices(compositionId: string, deviceIds: readonly string[]): Promise<void>;
  /**
   * Keeps what the reservation still holds until it is released device by device: no expiry,
   * so neither an expiry sweep nor the deadline job takes it. Holding nothing is not an error
   * (a sweep may have released it already).
   */
  holdUntilReleased(reservationId: string): Promise<void>;
}

/**
 * The ledger refused a reservation: these devices cannot take another composition (another
 * request or replica got there first). Choose other devices.
 */
export class DevicesTakenError extends TesseraError<'DEVICE_UNAVAILABLE'> {
  readonly code = 'DEVICE_UNAVAILABLE';

  constructor(
    readonly deviceIds: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`devices ${deviceIds.join(', ')} cannot take another composition`, options);
  }
}
