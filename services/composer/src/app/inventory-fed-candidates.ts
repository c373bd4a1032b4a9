import type { scheduler } from '@tessera/composer-domain';
import type { Logger } from '@tessera/event-transport';
import type { PoolUpdate } from '../application/pool/index.js';
import { type RunningPool, startPool } from '../infrastructure/pool/index.js';
import type { CandidateSourceProvider } from './candidate-source.js';

export interface InventoryFedCandidatesOptions {
  readonly logger: Logger;
  /**
   * Told of each device the inventory now reports failed while some composition holds it
   * (auto-heal). Called without waiting; it logs its own failures.
   */
  readonly onHeldDeviceFailed?: (deviceId: string) => void;
}

/**
 * The scheduler's index as the inventory's events describe the pool (infrastructure/pool):
 * rebuilt at start from the composer's copy of the items, fed by the inventory topic on the
 * service's transport in this replica's own consumer group, its counts synced from the ledger.
 */
export function inventoryFedCandidateSourceProvider(
  options: InventoryFedCandidatesOptions,
): CandidateSourceProvider {
  let running: RunningPool | undefined;
  return {
    start: async (context) => {
      const pool = await startPool({
        pool: context.pool,
        transport: context.transport,
        replica: context.owner,
        ledger: { logger: options.logger },
        onApplied: (update, poolIndex) => {
          reportFailedHeldDevices(poolIndex.index, update, options.onHeldDeviceFailed);
        },
      });
      running = pool;
      // Devices that failed while no replica was running arrive with the rebuilt pool.
      reportFailedHeldDevices(
        pool.index,
        {
          devices: new Set(pool.poolIndex.ids('device')),
          hosts: new Set(),
          reroutedHosts: new Set(),
        },
        options.onHeldDeviceFailed,
      );
      const { index } = pool;
      return () => Promise.resolve(index);
    },
    stop: async () => {
      await running?.stop();
    },
  };
}

function reportFailedHeldDevices(
  index: scheduler.CandidateIndex,
  update: PoolUpdate,
  onHeldDeviceFailed: ((deviceId: string) => void) | undefined,
): void {
  if (onHeldDeviceFailed === undefined) return;
  for (const deviceId of update.devices) {
    const device = index.device(deviceId);
    if (device?.lifecycle === 'failed' && index.allocationsOf(deviceId) > 0) {
      onHeldDeviceFailed(deviceId);
    }
  }
}
