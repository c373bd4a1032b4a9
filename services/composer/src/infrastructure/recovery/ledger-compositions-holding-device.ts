import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { CompositionsHoldingDevice } from '../../application/ports/compositions-holding-device.js';
import { composerLedgerSchema } from '../persistence/index.js';

/** The compositions holding a device, read from the ledger's allocations (read-only). */
export class LedgerCompositionsHoldingDevice implements CompositionsHoldingDevice {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema = composerLedgerSchema,
  ) {}

  async compositionsHolding(deviceId: string): Promise<readonly string[]> {
    const { rows } = await this.pool.query<{ composition_id: string }>(
      `SELECT composition_id FROM ${quoteIdentifier(this.schema)}.allocations
        WHERE device_id = $1 ORDER BY composition_id`,
      [deviceId],
    );
    return rows.map((row) => row.composition_id);
  }
}
