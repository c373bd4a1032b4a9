import type { CompositionSpec } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { requestComposition } from './request-composition.handler.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const oneGpu: CompositionSpec = {
  name: 'one-gpu',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpu', kind: 'gpu', count: 1 }],
};

describe('composing under contention', () => {
  it('two replicas racing 40 requests for 10 exclusive GPUs schedule exactly 10', async () => {
    // Two composer processes: separate pools and candidate indexes over one database. Each
    // index believes every GPU is free, so they keep choosing the same devices.
    const replicas = [
      fixture.replica('replica-a', () => gpuPool(10)),
      fixture.replica('replica-b', () => gpuPool(10)),
    ];
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, at) =>
        requestComposition(
          replicas[at % 2]!.deps,
          { spec: oneGpu, idempotencyKey: `race-${at}`, requestedBy: 'alice' },
          commandContext(),
        ),
      ),
    );

    const scheduled = outcomes.filter((outcome) => outcome.status === 'scheduled');
    expect(scheduled).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome.status === 'failed')).toHaveLength(30);

    const rows = await fixture.ledgerRows();
    expect(rows.map((row) => row.deviceId)).toEqual(
      Array.from({ length: 10 }, (_, at) => `gpu-${String(at).padStart(2, '0')}`),
    );
    expect(rows.map((row) => row.compositionId).sort()).toEqual(
      scheduled.map((outcome) => outcome.compositionId).sort(),
    );
    for (const outcome of scheduled) {
      const row = rows.find((held) => held.compositionId === outcome.compositionId);
      expect(outcome.assignment?.groups[0]?.deviceIds).toEqual([row?.deviceId]);
    }
    // What each replica stored agrees with what it answered.
    for (const outcome of outcomes) {
      const { state } = await replicas[0]!.persistence.compositions.load(outcome.compositionId);
      expect(state.status).toBe(outcome.status);
    }
  }, 60_000);
});
