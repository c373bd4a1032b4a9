/** A device held by a composition: reserved (with an expiry) or allocated (until released). */
export interface Allocation {
  readonly deviceId: string;
  readonly compositionId: string;
  readonly state: 'reserved' | 'allocated';
  /** Who made the reservation (a composer replica); its reservations go when it is declared dead. */
  readonly owner: string;
  readonly reservationId: string;
  /** Set while reserved; an allocated device has no expiry. */
  readonly expiresAt: Date | undefined;
  readonly createdAt: Date;
}

export interface DeviceUsage {
  readonly deviceId: string;
  /** Compositions holding the device now (reserved or allocated). */
  readonly used: number;
  /** The limit last brought by a reservation; undefined for a device the ledger never held. */
  readonly maxCompositions: number | undefined;
}

export interface ReservationRequest {
  /** Idempotency key: reserving again with the same id and request returns what is held. */
  readonly reservationId: string;
  readonly compositionId: string;
  readonly owner: string;
  readonly expiresAt: Date;
  /**
   * Each device with its current sharing limit from the inventory (1 = exclusive) and, for
   * quotas, its kind.
   */
  readonly devices: readonly {
    readonly deviceId: string;
    readonly maxCompositions: number;
    readonly kind?: string;
  }[];
  /** The composition's tenant: with device kinds, the reservation counts against its quotas. */
  readonly tenant?: string;
  /**
   * The lease whose composition this is: it may take devices held for that lease, and is not
   * refused by quotas (the lease was admitted with its devices promised).
   */
  readonly leaseId?: string;
}

/** What `release` lets go of: one reservation, or everything a composition holds. */
export type ReleaseTarget = { readonly reservationId: string } | { readonly compositionId: string };

export interface AllocationRow {
  readonly device_id: string;
  readonly composition_id: string;
  readonly state: 'reserved' | 'allocated';
  readonly owner: string;
  readonly reservation_id: string;
  readonly expires_at: Date | null;
  readonly created_at: Date;
}

export const allocationColumns =
  'device_id, composition_id, state, owner, reservation_id, expires_at, created_at';

export function toAllocation(row: AllocationRow): Allocation {
  return {
    deviceId: row.device_id,
    compositionId: row.composition_id,
    state: row.state,
    owner: row.owner,
    reservationId: row.reservation_id,
    expiresAt: row.expires_at ?? undefined,
    createdAt: row.created_at,
  };
}

/** Allocations in a stable order: by device, then composition. */
export function byDevice(a: Allocation, b: Allocation): number {
  return compareText(a.deviceId, b.deviceId) || compareText(a.compositionId, b.compositionId);
}

/** Code-point order, the same as the `COLLATE "C"` order the ledger locks devices in. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
