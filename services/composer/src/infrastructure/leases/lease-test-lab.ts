import { type CompositionSpec, scheduler } from '@tessera/composer-domain';
import type pg from 'pg';
import { type ComposerFixture, device, host } from '../../test-support/composer-fixture.js';
import { PostgresLeaseBook } from './postgres-lease-book.js';
import { type LeaseDeps, leaseSlotsOf } from '../../application/leases/index.js';

/** Host h1 reaching `gpus` GPUs `<prefix>-g00…` and `nvmes` NVMe drives `<prefix>-n00…`. */
export function financeLab(
  prefix: string,
  gpus: number,
  nvmes: number,
): () => scheduler.CandidateIndex {
  return () => {
    const index = new scheduler.CandidateIndex();
    index.upsertHost(host('h1'));
    const ids = (letter: string, count: number): string[] =>
      Array.from({ length: count }, (_, at) => `${prefix}-${letter}${String(at).padStart(2, '0')}`);
    for (const id of ids('g', gpus)) index.upsertDevice(device(id));
    for (const id of ids('n', nvmes)) {
      index.upsertDevice(device(id, { kind: 'nvme', attributes: { capacityTB: 8 } }));
    }
    index.setRoutes(
      'h1',
      [...ids('g', gpus), ...ids('n', nvmes)].map((deviceId) => ({
        deviceId,
        hops: 1,
        switchPath: ['sw1'],
      })),
    );
    return index;
  };
}

export function financeNode(gpus: number, nvmes: number): CompositionSpec {
  return {
    name: 'finance-node',
    tenant: 'finance',
    host: { hostId: 'h1' },
    groups: [
      { name: 'gpus', kind: 'gpu', count: gpus },
      ...(nvmes > 0 ? [{ name: 'scratch', kind: 'nvme' as const, count: nvmes }] : []),
    ],
  };
}

export interface LeaseReplica {
  readonly deps: LeaseDeps;
  readonly book: PostgresLeaseBook;
  readonly pool: pg.Pool;
}

/** A replica of the fixture that can admit and run leases. */
export async function leaseReplica(
  fixture: ComposerFixture,
  owner: string,
  lab: () => scheduler.CandidateIndex,
): Promise<LeaseReplica> {
  const replica = fixture.replica(owner, lab);
  const { pool, store, ledger } = replica.persistence;
  const book = new PostgresLeaseBook({ pool, store, ledger });
  await book.migrate();
  return {
    deps: { ...replica.deps, leases: book, leaseSlots: leaseSlotsOf(book) },
    book,
    pool,
  };
}

/** The deps with the clock at `iso`. */
export function at(deps: LeaseDeps, iso: string): LeaseDeps {
  return { ...deps, clock: { now: () => new Date(iso) } };
}
