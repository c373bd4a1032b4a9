/** Which tenant each reservation made through the gateway is for. */
export interface ReservationTenants {
  remember(reservationId: string, tenant: string, expiresAt: Date): Promise<void>;
  /** The tenant, or undefined for a reservation the gateway did not make or forgot. */
  tenantOf(reservationId: string): Promise<string | undefined>;
}
