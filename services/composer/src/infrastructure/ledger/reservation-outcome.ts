import { QuotaExceededError } from '@tessera/composer-domain';
import { DeviceUnavailableError, ReservationMismatchError } from './ledger-errors.js';
import {
  type Allocation,
  type AllocationRow,
  byDevice,
  type ReservationRequest,
  toAllocation,
} from './ledger-records.js';

/** A row of `reserve_devices` (ledger migration 7): an allocation, or what refused the request. */
export interface ReservationRow extends AllocationRow {
  readonly refusal: 'held' | 'blocked' | 'quota' | null;
  readonly kind: string | null;
  readonly max_devices: number | null;
  readonly in_use: number | null;
  readonly wanted: number | null;
}

/**
 * The allocations `reserve_devices` made, or the error its refusal means:
 * - `held`: the reservation id was used before; the same composition and devices get what it
 *   holds (a retry), anything else `ReservationMismatchError`;
 * - `blocked`: `DeviceUnavailableError` naming each device;
 * - `quota`: `QuotaExceededError` for the kind it names.
 */
export function reservedOrThrow(
  request: ReservationRequest,
  devices: ReservationRequest['devices'],
  rows: readonly ReservationRow[],
): Allocation[] {
  const [first] = rows;
  if (first?.refusal == null) return rows.map(toAllocation).sort(byDevice);
  switch (first.refusal) {
    case 'held': {
      const held = rows.map(toAllocation).sort(byDevice);
      const asked = devices.map((device) => device.deviceId).join('\n');
      const sameDevices = held.map((allocation) => allocation.deviceId).join('\n') === asked;
      if (!sameDevices || held.some((a) => a.compositionId !== request.compositionId)) {
        throw new ReservationMismatchError(request.reservationId);
      }
      return held;
    }
    case 'blocked':
      throw new DeviceUnavailableError(rows.map((row) => row.device_id));
    case 'quota':
      throw quotaRefusal(request, first);
  }
}

function quotaRefusal(request: ReservationRequest, row: ReservationRow): Error {
  const { kind, max_devices: limit, in_use: inUse, wanted } = row;
  if (request.tenant === undefined || kind === null || limit === null) {
    return new Error(`reserve_devices refused ${request.reservationId} by a quota it did not name`);
  }
  return new QuotaExceededError(request.tenant, kind, limit, inUse ?? 0, wanted ?? 0);
}
