import { randomUUID } from 'node:crypto';
import { type CompositionFact, type CompositionSpec } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevicesTakenError } from '../../application/ports/allocation-ledger.js';
import {
  type CompositionRepository,
  VersionConflictError,
} from '../../application/ports/composition-repository.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
  now,
} from '../../test-support/composer-fixture.js';

let fixture: ComposerFixture;
let compositions: CompositionRepository;
beforeAll(async () => {
  fixture = await createComposerFixture();
  compositions = fixture.replica('replica-a', () => gpuPool(1)).persistence.compositions;
});
afterAll(async () => {
  await fixture.close();
});

const spec: CompositionSpec = {
  name: 'one-gpu',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpu', kind: 'gpu', count: 1 }],
  priority: 100,
};

function requested(id: string, idempotencyKey: string): CompositionFact {
  return {
    fact: 'Requested',
    id,
    spec,
    idempotencyKey,
    requestedBy: 'alice',
    maxReschedules: 3,
    requestedAt: now.toISOString(),
  };
}

function scheduled(deviceId: string): CompositionFact {
  return {
    fact: 'Scheduled',
    hostId: 'h1',
    groups: [{ group: 'gpu', deviceIds: [deviceId] }],
    reservationId: randomUUID(),
    attachDeadline: new Date(now.getTime() + 60_000).toISOString(),
  };
}

function reservationFor(compositionId: string, deviceId: string) {
  return {
    reservationId: randomUUID(),
    compositionId,
    owner: 'replica-a',
    expiresAt: new Date(Date.now() + 60_000),
    devices: [{ deviceId, maxCompositions: 1 }],
  };
}

describe('EventStoreCompositionRepository', () => {
  const repository = (): CompositionRepository => compositions;

  async function create(id: string): Promise<void> {
    const key = `key-${id}`;
    const result = await repository().create(
      { id, facts: [requested(id, key)], idempotencyKey: key, spec },
      commandContext(),
    );
    expect(result).toEqual({ outcome: 'created' });
  }

  it('answers the earlier composition for a key used before, and whether the spec is the same', async () => {
    await create('c-key');
    const again = (other: CompositionSpec) =>
      repository().create(
        {
          id: 'c-key-2',
          facts: [requested('c-key-2', 'key-c-key')],
          idempotencyKey: 'key-c-key',
          spec: other,
        },
        commandContext(),
      );
    expect(await again({ ...spec })).toEqual({
      outcome: 'existing',
      compositionId: 'c-key',
      sameSpec: true,
    });
    expect(await again({ ...spec, name: 'renamed' })).toMatchObject({ sameSpec: false });
    expect((await repository().load('c-key-2')).version).toBe(0);
  });

  it('keeps neither the facts nor the ledger rows when the ledger refuses', async () => {
    await create('c-holder');
    await create('c-loser');
    const held = await repository().load('c-holder');
    await repository().appendWithLedger(
      'c-holder',
      [scheduled('x-gpu')],
      held.version,
      commandContext(),
      (ledger) => ledger.reserve(reservationFor('c-holder', 'x-gpu')),
    );
    const loser = await repository().load('c-loser');
    await expect(
      repository().appendWithLedger(
        'c-loser',
        [scheduled('x-gpu')],
        loser.version,
        commandContext(),
        (ledger) => ledger.reserve(reservationFor('c-loser', 'x-gpu')),
      ),
    ).rejects.toThrow(DevicesTakenError);
    expect(await repository().load('c-loser')).toEqual(loser);
    expect((await fixture.ledgerRows()).filter((row) => row.deviceId === 'x-gpu')).toMatchObject([
      { compositionId: 'c-holder' },
    ]);
  });

  it('keeps no ledger rows when the composition moved on: a VersionConflictError', async () => {
    await create('c-stale');
    const { version } = await repository().load('c-stale');
    await repository().append(
      'c-stale',
      [{ fact: 'Failed', reason: 'gave up', unschedulable: [] }],
      version,
      commandContext(),
    );
    await expect(
      repository().appendWithLedger(
        'c-stale',
        [scheduled('y-gpu')],
        version,
        commandContext(),
        (ledger) => ledger.reserve(reservationFor('c-stale', 'y-gpu')),
      ),
    ).rejects.toThrow(VersionConflictError);
    expect((await fixture.ledgerRows()).filter((row) => row.deviceId === 'y-gpu')).toEqual([]);
    expect((await repository().load('c-stale')).state.status).toBe('failed');
  });

  it('decides on what it last wrote, and reads the store again once another writer moved on', async () => {
    await create('c-recent');
    const other = fixture.replica('replica-b', () => gpuPool(1)).persistence.compositions;
    const mine = await repository().loadToDecide('c-recent');
    expect(mine).toEqual(await repository().load('c-recent'));
    // Another replica appends: this one's memory is stale, and its append at that version fails.
    await other.append(
      'c-recent',
      [{ fact: 'Failed', reason: 'by b', unschedulable: [] }],
      mine.version,
      commandContext(),
    );
    expect(await repository().loadToDecide('c-recent')).toEqual(mine);
    await expect(
      repository().append(
        'c-recent',
        [{ fact: 'Failed', reason: 'by a', unschedulable: [] }],
        mine.version,
        commandContext(),
      ),
    ).rejects.toThrow(VersionConflictError);
    // The conflict made it forget: the next decision reads the store.
    const fresh = await repository().loadToDecide('c-recent');
    expect(fresh.version).toBe(mine.version + 1);
    expect(fresh.state).toMatchObject({ status: 'failed', failure: { reason: 'by b' } });
  });

  it("puts the tenant in every event's envelope, also when this replica never read the composition", async () => {
    await create('c-tenant');
    const stranger = fixture.replica('replica-c', () => gpuPool(1)).persistence.compositions;
    const { version } = await repository().load('c-tenant');
    await stranger.append(
      'c-tenant',
      [{ fact: 'Failed', reason: 'by c', unschedulable: [] }],
      version,
      commandContext(),
    );
    const { Client } = await import('pg');
    const client = new Client({ connectionString: fixture.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ tenant: string | null }>(
        `SELECT tenant FROM composer.events WHERE stream_id = 'composition-c-tenant'`,
      );
      expect(rows.map((row) => row.tenant)).toEqual(['finance', 'finance']);
    } finally {
      await client.end();
    }
  });
});
