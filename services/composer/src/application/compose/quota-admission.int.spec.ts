import type { CompositionSpec } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresQuotaStore } from '../../infrastructure/quotas/index.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { listTenantQuotas, setTenantQuota } from '../quotas/index.js';
import { requestComposition } from './request-composition.handler.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const twoGpus = (tenant: string): CompositionSpec => ({
  name: 'trainer',
  tenant,
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count: 2 }],
});

describe('tenant quotas at admission', () => {
  it('fails a composition that would pass its tenant quota, and counts what the tenant holds', async () => {
    const replica = fixture.replica('replica-a', () => gpuPool(8, 'q'));
    const quotas = { quotas: new PostgresQuotaStore(replica.persistence.ledger) };
    await setTenantQuota(quotas, { tenant: 'finance', kind: 'gpu', maxDevices: 3 });
    let key = 0;
    const compose = (tenant: string) =>
      requestComposition(
        replica.deps,
        { spec: twoGpus(tenant), idempotencyKey: `quota-${(key += 1)}`, requestedBy: 'alice' },
        commandContext(),
      );

    expect((await compose('finance')).status).toBe('scheduled');
    const refused = await compose('finance');
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused.failure?.reason).toMatch(/finance.*gpu/);
    // Another tenant has no quota and is not held back by finance's.
    expect((await compose('render')).status).toBe('scheduled');

    expect(await listTenantQuotas(quotas, 'finance')).toEqual([
      expect.objectContaining({ tenant: 'finance', kind: 'gpu', maxDevices: 3, inUse: 2 }),
    ]);
    // The refused composition holds nothing.
    const held = await fixture.ledgerRows();
    expect(held.filter((row) => row.compositionId === refused.compositionId)).toEqual([]);
  });
});
