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
import { type ComposerViews, createComposerViews, rebuildComposerViews } from './composer-views.js';

let fixture: ComposerFixture;
let replica: ComposerReplica;
let views: ComposerViews;

beforeAll(async () => {
  fixture = await createComposerFixture();
  replica = fixture.replica('read-your-writes-test', () => gpuPool(3, 'g'));
  // No projection runs: the table stays behind the log until the rebuild below.
  views = createComposerViews({ pool: replica.persistence.pool, store: replica.persistence.store });
  await views.migrate();
});
afterAll(async () => {
  await fixture.close();
});

describe('compositions read with read-your-writes', () => {
  it('shows a composition the projection has not reached, as the projection will', async () => {
    const context = commandContext();
    const outcome = await requestComposition(
      replica.deps,
      {
        spec: {
          name: 'trainer',
          tenant: 'finance',
          host: { hostId: 'h1' },
          groups: [{ name: 'gpus', kind: 'gpu', count: 2 }],
        },
        idempotencyKey: 'ryw-1',
        requestedBy: 'alice',
      },
      context,
    );
    await startAttaching(replica.deps, outcome.compositionId, context);

    const fromStream = await views.readModel.getComposition(outcome.compositionId);
    expect(fromStream).toMatchObject({
      id: outcome.compositionId,
      tenant: 'finance',
      phase: 'attaching',
      hostId: 'h1',
      groups: [{ group: 'gpus', deviceIds: ['g-00', 'g-01'] }],
    });
    expect(fromStream?.version).toBeGreaterThan(1);
    expect(Date.parse(fromStream?.createdAt ?? '')).toBeLessThanOrEqual(
      Date.parse(fromStream?.updatedAt ?? ''),
    );
    expect((await views.readModel.listCompositions({}, { limit: 10 })).items).toEqual([]);
    expect(await views.readModel.getComposition('no-such-composition')).toBeUndefined();

    await rebuildComposerViews(replica.persistence.store, views);
    expect(await views.readModel.getComposition(outcome.compositionId)).toEqual(fromStream);
    expect((await views.readModel.listCompositions({}, { limit: 10 })).items).toEqual([fromStream]);
  });
});
