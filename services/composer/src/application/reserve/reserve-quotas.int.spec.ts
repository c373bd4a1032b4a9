import { type CompositionSpec, QuotaExceededError } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresQuotaStore } from '../../infrastructure/quotas/index.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { heldCount, reservingReplica } from '../../test-support/reservation-fixture.js';
import { previewComposition } from '../compose/preview-composition.handler.js';
import { requestComposition } from '../compose/request-composition.handler.js';
import { listTenantQuotas, setTenantQuota } from '../quotas/index.js';
import { applyReservation } from './apply-reservation.handler.js';
import { reserveComposition } from './reserve-composition.handler.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const gpus = (tenant: string, count: number): CompositionSpec => ({
  name: 'trainer',
  tenant,
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count }],
});

describe('quotas in preview, reserve and apply', () => {
  it('previews "over quota" exactly when create would fail for the quota', async () => {
    const replica = await reservingReplica(fixture, 'replica-a', () => gpuPool(8, 'pq'));
    const quotas = new PostgresQuotaStore(replica.persistence.ledger);
    await setTenantQuota({ quotas }, { tenant: 'finance', kind: 'gpu', maxDevices: 3 });
    const create = (key: string) =>
      requestComposition(
        replica.deps,
        { spec: gpus('finance', 2), idempotencyKey: key, requestedBy: 'alice' },
        commandContext(),
      );
    const deps = { ...replica.deps, quotas };

    expect(await previewComposition(deps, gpus('finance', 2))).toMatchObject({ outcome: 'fits' });
    expect((await create('pq-1')).status).toBe('scheduled');
    const over = await previewComposition(deps, gpus('finance', 2));
    expect(over).toMatchObject({
      outcome: 'unschedulable',
      groups: [
        {
          group: 'gpus',
          why: expect.stringMatching(/tenant finance may hold 3 gpu, holds 2/) as unknown,
        },
      ],
    });
    expect((await create('pq-2')).status).toBe('failed');
    expect(await previewComposition(deps, gpus('finance', 1))).toMatchObject({ outcome: 'fits' });
    expect(await previewComposition(deps, gpus('render', 2))).toMatchObject({ outcome: 'fits' });
  });

  it('counts a hold and its applied composition in the tenant quota, and refuses past it', async () => {
    const replica = await reservingReplica(fixture, 'replica-a', () => gpuPool(8, 'rq'));
    const quotas = new PostgresQuotaStore(replica.persistence.ledger);
    await setTenantQuota({ quotas }, { tenant: 'media', kind: 'gpu', maxDevices: 3 });
    const inUse = async () => (await listTenantQuotas({ quotas }, 'media'))[0]?.inUse;
    const reserve = (deps: typeof replica.deps, count: number) =>
      reserveComposition(deps, { spec: gpus('media', count), holdSeconds: 60, requestedBy: 'al' });

    const held = await reserve(replica.deps, 2);
    if (held.outcome !== 'held') throw new Error(JSON.stringify(held));
    expect(await inUse()).toBe(2);

    // A replica whose scheduler does not know the quotas is refused by the ledger.
    const holds = await heldCount(replica);
    await expect(reserve(replica.deps, 2)).rejects.toBeInstanceOf(QuotaExceededError);
    expect(await heldCount(replica)).toBe(holds);
    // One that knows them explains it.
    expect(await reserve({ ...replica.deps, quotas }, 2)).toMatchObject({
      outcome: 'unschedulable',
      groups: [{ group: 'gpus' }],
    });

    const applied = await applyReservation(
      replica.deps,
      { reservationId: held.reservationId, idempotencyKey: 'rq-apply', requestedBy: 'al' },
      commandContext(),
    );
    expect(applied.status).toBe('scheduled');
    expect(await inUse()).toBe(2);
    await expect(reserve(replica.deps, 2)).rejects.toBeInstanceOf(QuotaExceededError);
    expect((await reserve(replica.deps, 1)).outcome).toBe('held');
    expect(await inUse()).toBe(3);
  });
});
