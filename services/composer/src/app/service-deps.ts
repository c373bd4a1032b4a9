import { randomUUID } from 'node:crypto';
import { scheduler } from '@tessera/composer-domain';
import type { EventTransport } from '@tessera/event-transport';
import type { CapacityDeps } from '../application/capacity/index.js';
import { type LeaseDeps, type LeaseListing, leaseSlotsOf } from '../application/leases/index.js';
import {
  listTenantQuotas,
  type QuotaDeps,
  schedulerQuotasOf,
} from '../application/quotas/index.js';
import type { ReserveDeps } from '../application/reserve/index.js';
import type { TemplateCommandDeps } from '../application/templates/index.js';
import {
  type ComposerPersistence,
  composerRequestsSchema,
} from '../infrastructure/persistence/index.js';
import {
  PostgresLeaseBook,
  PostgresLeaseListing,
  PostgresPromisedDevices,
} from '../infrastructure/leases/index.js';
import { PostgresQuotaStore } from '../infrastructure/quotas/index.js';
import { PostgresReservationBook } from '../infrastructure/reservations/index.js';
import { EventStoreTemplateRepository } from '../infrastructure/templates/index.js';
import type { ComposerViews } from '../infrastructure/views/index.js';
import type { CandidateSourceProvider } from './candidate-source.js';
import type { ComposerConfig } from './composer-config.js';

/** What the use cases behind the API and the background work are given. */
export interface ServiceDeps {
  /** Composing, reserving, applying and changing compositions (templates included). */
  readonly compose: ReserveDeps;
  readonly templates: TemplateCommandDeps;
  /** Per question: the scheduler configuration carries the quotas and usage of that moment. */
  readonly capacity: () => Promise<CapacityDeps>;
  /** Admitting and running leases (composing at their start, decomposing at their end). */
  readonly leases: LeaseDeps;
  readonly leaseListing: LeaseListing;
  readonly quotas: QuotaDeps;
}

export interface ServiceDepsOptions {
  /** How long scheduled devices stay reserved for their attach (default 5 minutes). */
  readonly attachTimeoutMs?: number;
}

/** Migrates every schema the composer owns and builds what its use cases need. */
export async function prepareServiceDeps(
  config: ComposerConfig,
  options: ServiceDepsOptions,
  persistence: ComposerPersistence,
  views: ComposerViews,
  candidateSource: CandidateSourceProvider,
  transport: EventTransport,
): Promise<ServiceDeps> {
  const { pool, store, ledger } = persistence;
  const reservations = new PostgresReservationBook({
    pool,
    store,
    ledger,
    requestsSchema: composerRequestsSchema,
  });
  const templates = new EventStoreTemplateRepository(store, pool);
  const leases = new PostgresLeaseBook({ pool, store, ledger });
  await persistence.migrate();
  await reservations.migrate();
  await templates.migrate();
  await leases.migrate();
  await views.migrate();
  const clock = { now: () => new Date() };
  const candidates = await candidateSource.start({
    pool,
    databaseUrl: config.databaseUrl,
    owner: config.ownerId,
    transport,
  });
  const quotas: QuotaDeps = { quotas: new PostgresQuotaStore(ledger) };
  const compose: ReserveDeps = {
    compositions: persistence.compositions,
    candidates,
    clock,
    ids: { newId: randomUUID },
    owner: config.ownerId,
    attachOnSchedule: true,
    quotas: quotas.quotas,
    reservations,
    templates,
    leaseSlots: leaseSlotsOf(leases),
    ...(options.attachTimeoutMs === undefined ? {} : { attachTimeoutMs: options.attachTimeoutMs }),
  };
  return {
    compose,
    templates: { templates, clock },
    capacity: capacityWithQuotas(
      { candidates, templates, promised: new PostgresPromisedDevices(pool, ledger) },
      quotas,
    ),
    leases: { ...compose, leases },
    leaseListing: new PostgresLeaseListing(pool),
    quotas,
  };
}

/**
 * Capacity deps whose scheduler configuration holds the tenants' quotas and current usage, read
 * for each question, so that capacity counts what quotas would refuse as composing does.
 */
function capacityWithQuotas(base: CapacityDeps, quotas: QuotaDeps): () => Promise<CapacityDeps> {
  return async () => ({
    ...base,
    schedulerConfig: {
      ...(base.schedulerConfig ?? scheduler.defaultSchedulerConfig),
      quotas: schedulerQuotasOf(await listTenantQuotas(quotas)),
    },
  });
}
