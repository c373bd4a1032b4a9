import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tessera/event-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  type StoreFixture,
} from './test-support/fixtures.js';
import { defineUpcasters } from './upcasting.js';

const upcasters = defineUpcasters([
  {
    type: 'DeviceRegistered',
    fromVersion: 1,
    upcast: ({ kind, ...rest }) => ({ ...rest, deviceKind: kind, sharingLimit: 1 }),
  },
]);

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture({ upcasters });
});
afterAll(async () => {
  await fixture.close();
});

describe('upcasting on read', () => {
  it('reads a stored v1 event as v2 everywhere, and never rewrites the stored row', async () => {
    const stream = `device-${randomUUID()}`;
    const id = randomUUID();
    await fixture.store.append(
      stream,
      [{ id, type: 'DeviceRegistered', schemaVersion: 1, data: { kind: 'gpu', model: 'H100' } }],
      appendOptions('no-stream'),
    );
    const expected = { deviceKind: 'gpu', model: 'H100', sharingLimit: 1 };

    const [fromStream] = (await fixture.store.readStream(stream)).events;
    expect(fromStream).toMatchObject({ id, schemaVersion: 2, data: expected });
    const fromLog = (await fixture.store.readAll({ limit: 100 })).events.find((e) => e.id === id);
    expect(fromLog).toMatchObject({ schemaVersion: 2, data: expected });
    const seen: EventEnvelope[] = [];
    const subscription = await fixture.store.subscribe({
      name: 'upcast-check',
      handle: (events) => {
        seen.push(...events);
        return Promise.resolve();
      },
    });
    await eventually(() => seen.some((event) => event.id === id), 'the subscription');
    await subscription.stop();
    expect(seen.find((event) => event.id === id)).toMatchObject({
      schemaVersion: 2,
      data: expected,
    });

    const { rows } = await fixture.pool.query(
      `SELECT schema_version, data FROM "${fixture.schema}".events WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([{ schema_version: 1, data: { kind: 'gpu', model: 'H100' } }]);
  });
});
