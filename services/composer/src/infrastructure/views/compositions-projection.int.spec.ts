import type { CompositionSpec } from '@tessera/composer-domain';
import type { LogSubscription } from '@tessera/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestComposition } from '../../application/compose/request-composition.handler.js';
import { startAttaching } from '../../application/attach/start-attaching.handler.js';
import {
  type ComposerFixture,
  type ComposerReplica,
  commandContext,
  createComposerFixture,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { type ComposerViews, createComposerViews } from './composer-views.js';

let fixture: ComposerFixture;
let replica: ComposerReplica;
let views: ComposerViews;
let live: LogSubscription;

beforeAll(async () => {
  fixture = await createComposerFixture();
  replica = fixture.replica('composer-views-test', () => gpuPool(3, 'g'));
  views = createComposerViews({ pool: replica.persistence.pool });
  await views.migrate();
  const [projection] = views.projections;
  live = await replica.persistence.store.runProjection(projection!, { idlePollMs: 50 });
});
afterAll(async () => {
  await live.stop();
  await fixture.close();
});

const spec = (tenant: string, count: number): CompositionSpec => ({
  name: 'trainer',
  tenant,
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count }],
});

async function compose(key: string, tenant: string, count: number): Promise<string> {
  const context = commandContext();
  const outcome = await requestComposition(
    replica.deps,
    { spec: spec(tenant, count), idempotencyKey: key, requestedBy: 'alice' },
    context,
  );
  if (outcome.status === 'scheduled') {
    await startAttaching(replica.deps, outcome.compositionId, context);
  }
  return outcome.compositionId;
}

async function rows(): Promise<unknown[]> {
  const { rows: all } = await replica.persistence.pool.query<Record<string, unknown>>(
    'SELECT * FROM composer_views.compositions ORDER BY id',
  );
  return all;
}

describe('the compositions projection', () => {
  it('follows the log live, and a rebuild from the log equals the live table', async () => {
    const attaching = await compose('views-1', 'finance', 2);
    const failed = await compose('views-2', 'finance', 5);
    const scheduledElsewhere = await compose('views-3', 'research', 1);

    await expect
      .poll(async () => (await views.readModel.getComposition(scheduledElsewhere))?.phase, {
        timeout: 15_000,
        interval: 50,
      })
      .toBe('attaching');
    const attachingView = await views.readModel.getComposition(attaching);
    expect(attachingView).toMatchObject({
      tenant: 'finance',
      phase: 'attaching',
      hostId: 'h1',
      groups: [{ group: 'gpus', deviceIds: expect.any(Array) as unknown }],
    });
    expect(attachingView?.groups[0]?.deviceIds).toHaveLength(2);
    expect((await views.readModel.getComposition(failed))?.phase).toBe('failed');
    expect(
      (await views.readModel.listCompositions({ tenant: 'finance' }, { limit: 10 })).items.map(
        (view) => view.id,
      ),
    ).toEqual([attaching, failed].sort());

    const liveRows = await rows();
    expect(liveRows).toHaveLength(3);
    await replica.persistence.store.rebuildProjection(views.projections[0]!);
    expect(await rows()).toEqual(liveRows);
  });
});
