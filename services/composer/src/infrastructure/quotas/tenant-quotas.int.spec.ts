import { InvalidQuotaError, QuotaExceededError } from '@tessera/composer-domain';
import { withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTenantQuotas, setTenantQuota } from '../../application/quotas/index.js';
import { createLedgerFixture, type LedgerFixture } from '../../test-support/ledger-fixture.js';
import type { ReservationRequest } from '../ledger/index.js';
import { PostgresQuotaStore } from './postgres-quota-store.js';

let fixture: LedgerFixture;
let deps: { quotas: PostgresQuotaStore };
beforeAll(async () => {
  fixture = await createLedgerFixture({ poolSize: 12 });
  deps = { quotas: new PostgresQuotaStore(fixture.ledger) };
});
afterAll(async () => {
  await fixture.close();
});

let counter = 0;
function request(tenant: string, kind: string, ...deviceIds: string[]): ReservationRequest {
  counter += 1;
  return {
    reservationId: `q-res-${counter}`,
    compositionId: `q-comp-${counter}`,
    owner: 'replica-a',
    expiresAt: new Date(Date.now() + 60_000),
    tenant,
    devices: deviceIds.map((deviceId) => ({ deviceId, maxCompositions: 1, kind })),
  };
}

/** Waits until some backend of the database waits for a row lock (the second reservation). */
async function someoneWaitsForALock(pool: pg.Pool): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('tenant quotas', () => {
  it('refuses the second of two concurrent requests that together pass the quota', async () => {
    await setTenantQuota(deps, { tenant: 'finance', kind: 'gpu', maxDevices: 3 });
    let second: Promise<unknown> | undefined;
    await withTransaction(fixture.pool, async (client) => {
      await fixture.ledger.reserve(request('finance', 'gpu', 'qa-1', 'qa-2'), client);
      second = fixture.ledger.reserve(request('finance', 'gpu', 'qa-3', 'qa-4'));
      second.catch(() => undefined);
      await someoneWaitsForALock(fixture.pool);
    });
    await expect(second).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(second).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      tenant: 'finance',
      kind: 'gpu',
      limit: 3,
      inUse: 2,
      asked: 2,
    });
    expect(await listTenantQuotas(deps, 'finance')).toEqual([
      { tenant: 'finance', kind: 'gpu', maxDevices: 3, inUse: 2 },
    ]);
    expect(await fixture.ledger.usage(['qa-3', 'qa-4'])).toMatchObject([{ used: 0 }, { used: 0 }]);
  });

  it('admits exactly up to the limit under many concurrent requests, and usage returns on release', async () => {
    await setTenantQuota(deps, { tenant: 'render', kind: 'nvme', maxDevices: 4 });
    const asked = Array.from({ length: 7 }, (_, at) => request('render', 'nvme', `qb-${at}`));
    const results = await Promise.allSettled(asked.map((one) => fixture.ledger.reserve(one)));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(results.length - refused.length).toBe(4);
    for (const result of refused) expect(result.reason).toBeInstanceOf(QuotaExceededError);
    expect((await listTenantQuotas(deps, 'render'))[0]?.inUse).toBe(4);

    const kept = asked.filter((_, at) => results[at]?.status === 'fulfilled');
    await fixture.ledger.confirm(kept[0]!.reservationId);
    for (const one of kept.slice(0, 2)) {
      await fixture.ledger.release({ compositionId: one.compositionId });
    }
    expect((await listTenantQuotas(deps, 'render'))[0]?.inUse).toBe(2);
    await expect(
      fixture.ledger.reserve(request('render', 'nvme', 'qb-a', 'qb-b')),
    ).resolves.toHaveLength(2);
    expect(await fixture.inconsistentDevices()).toEqual([]);
  });

  it('limits nothing without a tenant, a quota or for a lease, and other tenants not at all', async () => {
    await setTenantQuota(deps, { tenant: 'tiny', kind: 'fpga', maxDevices: 0 });
    await expect(fixture.ledger.reserve(request('tiny', 'fpga', 'qc-1'))).rejects.toBeInstanceOf(
      QuotaExceededError,
    );
    await expect(fixture.ledger.reserve(request('other', 'fpga', 'qc-2'))).resolves.toHaveLength(1);
    const anonymous = { ...request('tiny', 'fpga', 'qc-3'), tenant: undefined };
    await expect(fixture.ledger.reserve(anonymous)).resolves.toHaveLength(1);
    await expect(
      fixture.ledger.reserve({ ...request('tiny', 'fpga', 'qc-4'), leaseId: 'some-lease' }),
    ).resolves.toHaveLength(1);
    expect(await listTenantQuotas(deps, 'tiny')).toEqual([
      { tenant: 'tiny', kind: 'fpga', maxDevices: 0, inUse: 1 },
    ]);
  });

  it('refuses a bad quota naming the field, and stores nothing', async () => {
    await expect(
      setTenantQuota(deps, { tenant: 'x', kind: 'warp-drive', maxDevices: 1 }),
    ).rejects.toMatchObject({
      field: 'kind',
    });
    await expect(
      setTenantQuota(deps, { tenant: 'x', kind: 'gpu', maxDevices: -1 }),
    ).rejects.toBeInstanceOf(InvalidQuotaError);
    await expect(
      setTenantQuota(deps, { tenant: ' ', kind: 'gpu', maxDevices: 1 }),
    ).rejects.toMatchObject({
      field: 'tenant',
    });
    expect(await listTenantQuotas(deps, 'x')).toEqual([]);
  });

  it('lets reservations of a tenant without a quota go on while another is uncommitted', async () => {
    await setTenantQuota(deps, { tenant: 'vfx', kind: 'nvme', maxDevices: 100 });
    await withTransaction(fixture.pool, async (client) => {
      await fixture.ledger.reserve(request('vfx', 'gpu', 'qr-1', 'qr-2'), client);
      // Same tenant, a kind without a quota: it neither waits for the open transaction nor
      // counts it; the quota of another kind does not hold it up.
      await expect(
        fixture.ledger.reserve(request('vfx', 'gpu', 'qr-3', 'qr-4')),
      ).resolves.toHaveLength(2);
    });
    expect(await listTenantQuotas(deps, 'vfx')).toEqual([
      { tenant: 'vfx', kind: 'nvme', maxDevices: 100, inUse: 0 },
    ]);
  });

  it('counts usage from the allocations themselves, as they come and go', async () => {
    await setTenantQuota(deps, { tenant: 'audit', kind: 'gpu', maxDevices: 5 });
    await fixture.ledger.reserve(request('audit', 'gpu', 'qu-1', 'qu-2', 'qu-3'));
    expect((await listTenantQuotas(deps, 'audit'))[0]?.inUse).toBe(3);
    await fixture.pool.query(`DELETE FROM composer_ledger.allocations WHERE device_id = 'qu-2'`);
    expect((await listTenantQuotas(deps, 'audit'))[0]?.inUse).toBe(2);
  });
});
