import { errorText } from '@tessera/api-kit/server';
import { type OutboxRelay, runOutboxRelay, superviseProjection } from '@tessera/event-store';
import type { EventTransport, Logger, Subscription } from '@tessera/event-transport';
import type { CheckDeadlinesDeps } from '../application/attach/index.js';
import {
  type DeadlineJob,
  LedgerDueAttaches,
  runDeadlineJob,
  subscribeToObservations,
} from '../infrastructure/attach/index.js';
import { LeaseSchedulerJob } from '../infrastructure/leases/index.js';
import type { ComposerPersistence } from '../infrastructure/persistence/index.js';
import { runRecoverySweep, StoreStalledCompositions } from '../infrastructure/recovery/index.js';
import { ReservationSweep } from '../infrastructure/reservations/index.js';
import type { ComposerViews } from '../infrastructure/views/index.js';
import type { ComposerConfig } from './composer-config.js';
import type { ServiceDeps } from './service-deps.js';
import { runSweepLoop } from './sweep-loop.js';

/** How often attaches past their deadline are looked for. */
const deadlineCheckMs = 1_000;
/** How often expired reservations and holds are released. */
const sweepIntervalMs = 5_000;
/** How long a composition may wait in `requested` or `scheduled` before a sweep resumes it. */
const recoveryGraceMs = 30_000;
const recoveryIntervalMs = 10_000;
/** How often leases due to start, warn or end are looked for, by default. */
export const defaultLeaseCheckMs = 5_000;

/** What runs beside the gRPC server. */
export interface BackgroundWork {
  /** Stops everything it started, in reverse order; the pool they use stays open. */
  stop(): Promise<void>;
}

/**
 * Starts the composer's background work on the service's transport: the live projections; the
 * outbox relay (intents and every other event out); the consumer of fleet's attach
 * observations; the attach deadline job; the sweep of expired reservations; the lease job
 * (start, warn, end; one replica at a time); and the recovery sweep that resumes what a
 * crashed replica left half way (one replica at a time).
 */
export async function startBackgroundWork(
  config: ComposerConfig,
  persistence: ComposerPersistence,
  views: ComposerViews,
  deps: ServiceDeps,
  transport: EventTransport,
  logger: Logger,
  leaseCheckMs = defaultLeaseCheckMs,
): Promise<BackgroundWork> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    for (const projection of views.projections) {
      const supervision = await superviseProjection(persistence.store, projection, logger);
      stops.push(() => supervision.stop());
    }
    const relay: OutboxRelay = runOutboxRelay({
      connectionString: config.databaseUrl,
      schema: persistence.store.schema,
      transport,
      logger,
    });
    stops.push(() => relay.stop());
    const attachDeps: CheckDeadlinesDeps = {
      ...deps.compose,
      dueAttaches: new LedgerDueAttaches(persistence.pool),
    };
    const observations: Subscription = await subscribeToObservations(transport, attachDeps);
    stops.push(() => observations.stop());
    const deadlines: DeadlineJob = runDeadlineJob(attachDeps, deadlineCheckMs, (error) => {
      logger.error('an attach deadline check failed', { error: errorText(error) });
    });
    stops.push(() => deadlines.stop());
    const sweep = new ReservationSweep({ pool: persistence.pool, ledger: persistence.ledger });
    const sweeping = runSweepLoop(sweep, sweepIntervalMs, (error) => {
      logger.error('a reservation sweep failed', { error: errorText(error) });
    });
    stops.push(() => sweeping.stop());
    const leaseJob = new LeaseSchedulerJob({
      pool: persistence.pool,
      deps: deps.leases,
      intervalMs: leaseCheckMs,
      onError: (error) => {
        logger.error('a lease step failed', { error: errorText(error) });
      },
    });
    leaseJob.start();
    stops.push(() => leaseJob.stop());
    const recovery = runRecoverySweep(
      { ...deps.compose, stalledCompositions: new StoreStalledCompositions(persistence.pool) },
      {
        pool: persistence.pool,
        graceMs: recoveryGraceMs,
        intervalMs: recoveryIntervalMs,
        onError: (error) => {
          logger.error('a recovery sweep failed', { error: errorText(error) });
        },
      },
    );
    stops.push(() => recovery.stop());
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}
