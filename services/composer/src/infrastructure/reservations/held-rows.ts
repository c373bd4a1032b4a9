import type { Assignment, CompositionSpec } from '@tessera/composer-domain';
import type { HeldReservation } from '../../application/reserve/index.js';

/** A stored hold (`composer_reservations.held`). */
export interface HeldRow {
  readonly reservation_id: string;
  readonly composition_id: string;
  readonly spec: CompositionSpec;
  readonly assignment: Assignment;
  readonly reserved_by: string;
  readonly expires_at: Date;
}

export function heldOf(row: HeldRow): HeldReservation {
  return {
    reservationId: row.reservation_id,
    compositionId: row.composition_id,
    spec: row.spec,
    assignment: row.assignment,
    reservedBy: row.reserved_by,
    expiresAt: row.expires_at,
  };
}

/** Each held device's kind: that of the spec group it was chosen for. */
export function kindsOf(held: HeldReservation): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const { group, deviceIds } of held.assignment.groups) {
    const kind = held.spec.groups.find((wanted) => wanted.name === group)?.kind;
    if (kind !== undefined) for (const deviceId of deviceIds) kinds.set(deviceId, kind);
  }
  return kinds;
}
