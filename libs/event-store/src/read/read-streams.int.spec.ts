import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStreamIdError } from '../errors.js';
import {
  appendOptions,
  createStoreFixture,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
});
afterAll(async () => {
  await fixture.close();
});

describe('readStreams', () => {
  it('reads many streams at once, each exactly as readStream does, and leaves unknown ones out', async () => {
    const [a, b, unknown] = [`s-${randomUUID()}`, `s-${randomUUID()}`, `s-${randomUUID()}`];
    await fixture.store.append(
      a,
      [newEvent('Opened'), newEvent('Renamed', { name: 'x' })],
      appendOptions('no-stream'),
    );
    await fixture.store.append(b, [newEvent('Opened')], appendOptions('no-stream'));

    const read = await fixture.store.readStreams([b, unknown, a, a]);
    expect([...read.keys()].sort()).toEqual([a, b].sort());
    expect(read.get(a)).toEqual(await fixture.store.readStream(a));
    expect(read.get(b)).toEqual(await fixture.store.readStream(b));
    expect(await fixture.store.readStreams([])).toEqual(new Map());
  });

  it('refuses a bad stream id or too many ids before reading', async () => {
    await expect(fixture.store.readStreams(['ok-1', ''])).rejects.toBeInstanceOf(
      InvalidStreamIdError,
    );
    const tooMany = Array.from({ length: 5_001 }, (_, index) => `s-${index}`);
    await expect(fixture.store.readStreams(tooMany)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
