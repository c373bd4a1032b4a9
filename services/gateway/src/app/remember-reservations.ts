import type { composer } from '@tessera/contracts';
import type { ReservationTenants } from '../application/ports/reservation-tenants.js';

/**
 * After a ReserveComposition forwarded over gRPC, remembers the reservation's tenant, which
 * ApplyReservation's access check needs (the REST API does the same in its controller).
 */
export function rememberReservations(reservations: ReservationTenants) {
  return async (method: string, request: unknown, response: unknown): Promise<void> => {
    if (method !== 'reserveComposition') return;
    const { reservationId, expiresAt } = response as composer.ReserveCompositionResponse;
    const tenant = (request as composer.ReserveCompositionRequest).spec?.tenant;
    if (reservationId === '' || expiresAt === undefined || tenant === undefined) return;
    await reservations.remember(reservationId, tenant, new Date(expiresAt));
  };
}
