import type pg from 'pg';
import type { ReservationTenants } from '../../application/ports/reservation-tenants.js';
import { gatewaySchema } from '../gateway-migrations.js';

/** How long after its expiry a reservation's tenant is kept (an apply may come late and fail). */
const keptAfterExpiry = '1 day';

export class PostgresReservationTenants implements ReservationTenants {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string = gatewaySchema,
  ) {
    this.table = `"${schema}".reservations`;
  }

  async remember(reservationId: string, tenant: string, expiresAt: Date): Promise<void> {
    await this.pool.query(
      `WITH forgotten AS (
         DELETE FROM ${this.table} WHERE expires_at < now() - interval '${keptAfterExpiry}'
       )
       INSERT INTO ${this.table} (reservation_id, tenant, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (reservation_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [reservationId, tenant, expiresAt],
    );
  }

  async tenantOf(reservationId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ tenant: string }>(
      `SELECT tenant FROM ${this.table} WHERE reservation_id = $1`,
      [reservationId],
    );
    return rows[0]?.tenant;
  }
}
