import type pg from 'pg';
import {
  type AllocationLedgerPort,
  type DeviceReservation,
  DevicesTakenError,
  type LedgerReleaseTarget,
} from '../../application/ports/allocation-ledger.js';
import {
  type AllocationLedger,
  DeviceUnavailableError,
  ReservationNotFoundError,
} from '../ledger/index.js';

/** The allocation ledger behind the application's port, writing in one caller's transaction. */
export class PostgresLedgerPort implements AllocationLedgerPort {
  constructor(
    private readonly ledger: AllocationLedger,
    private readonly client: pg.PoolClient,
  ) {}

  async reserve(reservation: DeviceReservation): Promise<void> {
    try {
      await this.ledger.reserve(reservation, this.client);
    } catch (error) {
      if (error instanceof DeviceUnavailableError) {
        throw new DevicesTakenError(error.deviceIds, { cause: error });
      }
      throw error;
    }
  }

  async confirm(reservationId: string): Promise<void> {
    await this.ledger.confirm(reservationId, this.client);
  }

  async release(target: LedgerReleaseTarget): Promise<void> {
    await this.ledger.release(target, { client: this.client });
  }

  async releaseDevices(compositionId: string, deviceIds: readonly string[]): Promise<void> {
    await this.ledger.releaseDevices(compositionId, deviceIds, this.client);
  }

  async holdUntilReleased(reservationId: string): Promise<void> {
    try {
      await this.ledger.confirm(reservationId, this.client);
    } catch (error) {
      // Nothing held any more: no SQL failed, so the transaction carries on.
      if (!(error instanceof ReservationNotFoundError)) throw error;
    }
  }
}
