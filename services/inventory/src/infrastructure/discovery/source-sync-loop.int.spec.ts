import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncOutcome } from '../../application/sync-source/sync-source.handler.js';
import { registerSource } from '../../application/register-source/register-source.handler.js';
import {
  commandContext,
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { EventStoreSourceRepository } from '../persistence/event-store-source-repository.js';
import { PostgresSourceCredentials } from '../persistence/postgres-source-credentials.js';
import { SourceSyncLoop } from './source-sync-loop.js';

let fixture: InventoryFixture;
beforeAll(async () => {
  fixture = await createInventoryFixture();
  const deps = {
    sources: new EventStoreSourceRepository(fixture.persistence.store),
    credentials: new PostgresSourceCredentials(fixture.pool, 'inventory_views'),
  };
  for (const id of ['bmc-1', 'bmc-2']) {
    await registerSource(
      deps,
      { id, url: `http://127.0.0.1:9/${id}`, intervalSeconds: 3_600 },
      commandContext(),
    );
  }
  await fixture.rebuildViews();
});
afterAll(async () => {
  await fixture.close();
});

function loop(synced: string[]): SourceSyncLoop {
  return new SourceSyncLoop({
    pool: fixture.pool,
    viewsSchema: 'inventory_views',
    tickMs: 50,
    syncTimeoutMs: 5_000,
    sync: (id): Promise<SyncOutcome> => {
      synced.push(id);
      return Promise.resolve({ outcome: 'unreachable', error: 'REDFISH_UNREACHABLE: test' });
    },
    onError: () => undefined,
  });
}

describe('the Redfish sync loop', () => {
  it('syncs every due source once per interval, in one replica only', async () => {
    const [first, second] = [[] as string[], [] as string[]];
    const loops = [loop(first), loop(second)];
    loops.forEach((each) => {
      each.start();
    });
    try {
      await expect
        .poll(() => [...first, ...second].sort(), { timeout: 10_000, interval: 50 })
        .toEqual(['bmc-1', 'bmc-2']);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect([...first, ...second].sort()).toEqual(['bmc-1', 'bmc-2']);
      expect(first.length === 0 || second.length === 0).toBe(true);
    } finally {
      await Promise.all(loops.map((each) => each.stop()));
    }
  });
});
