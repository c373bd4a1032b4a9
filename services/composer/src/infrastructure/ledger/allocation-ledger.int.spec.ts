import { withTransaction } from '@tessera/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLedgerFixture,
  devicesOf,
  type LedgerFixture,
} from '../../test-support/ledger-fixture.js';
import {
  DeviceUnavailableError,
  InvalidReservationError,
  ReservationMismatchError,
  ReservationNotFoundError,
  type ReservationRequest,
} from './index.js';

let fixture: LedgerFixture;
beforeAll(async () => {
  fixture = await createLedgerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const inAMinute = (): Date => new Date(Date.now() + 60_000);
let counter = 0;
/** A request with fresh ids, for devices whose names are unique to the test. */
function request(devices: ReservationRequest['devices'], owner = 'replica-a'): ReservationRequest {
  counter += 1;
  return {
    reservationId: `res-${counter}`,
    compositionId: `comp-${counter}`,
    owner,
    expiresAt: inAMinute(),
    devices,
  };
}
const usedOf = async (...deviceIds: string[]): Promise<number[]> =>
  (await fixture.ledger.usage(deviceIds)).map((usage) => usage.used);

describe('AllocationLedger', () => {
  it('reserves, confirms and releases, changing exactly the rows it names', async () => {
    const other = await fixture.ledger.reserve(request(devicesOf(1, 'a-other')));
    const asked = request(devicesOf(1, 'a-gpu-2', 'a-gpu-1'));
    const reserved = await fixture.ledger.reserve(asked);
    expect(reserved.map((a) => [a.deviceId, a.state, a.expiresAt])).toEqual([
      ['a-gpu-1', 'reserved', asked.expiresAt],
      ['a-gpu-2', 'reserved', asked.expiresAt],
    ]);
    expect(await usedOf('a-gpu-1', 'a-gpu-2', 'a-other')).toEqual([1, 1, 1]);

    const confirmed = await fixture.ledger.confirm(asked.reservationId);
    expect(confirmed.map((a) => [a.deviceId, a.state, a.expiresAt])).toEqual([
      ['a-gpu-1', 'allocated', undefined],
      ['a-gpu-2', 'allocated', undefined],
    ]);
    expect(await fixture.ledger.confirm(asked.reservationId)).toEqual(confirmed);
    expect(await fixture.ledger.allocationsOf(asked.compositionId)).toEqual(confirmed);

    const released = await fixture.ledger.release({ compositionId: asked.compositionId });
    expect(released).toEqual(confirmed);
    expect(await fixture.ledger.release({ compositionId: asked.compositionId })).toEqual([]);
    expect(await usedOf('a-gpu-1', 'a-gpu-2', 'a-other')).toEqual([0, 0, 1]);
    expect(await fixture.ledger.allocationsOf(other[0]!.compositionId)).toEqual(other);
    await expect(fixture.ledger.confirm(asked.reservationId)).rejects.toBeInstanceOf(
      ReservationNotFoundError,
    );
  });

  it('returns what a reservation holds when it is repeated, and refuses a different reuse', async () => {
    const asked = request(devicesOf(1, 'b-nvme-1', 'b-nvme-2'));
    const first = await fixture.ledger.reserve(asked);
    expect(
      await fixture.ledger.reserve({ ...asked, devices: [...asked.devices].reverse() }),
    ).toEqual(first);
    await expect(
      fixture.ledger.reserve({ ...asked, devices: devicesOf(1, 'b-nvme-1') }),
    ).rejects.toBeInstanceOf(ReservationMismatchError);
    await expect(
      fixture.ledger.reserve({ ...asked, compositionId: 'another' }),
    ).rejects.toBeInstanceOf(ReservationMismatchError);
    expect(await usedOf('b-nvme-1', 'b-nvme-2')).toEqual([1, 1]);
  });

  it('releases a reservation only for its owner when an owner is given', async () => {
    const asked = request(devicesOf(1, 'c-nic'), 'replica-a');
    await fixture.ledger.reserve(asked);
    const target = { reservationId: asked.reservationId };
    expect(await fixture.ledger.release(target, { owner: 'replica-b' })).toEqual([]);
    expect(await fixture.ledger.release(target, { owner: 'replica-a' })).toHaveLength(1);
    expect(await usedOf('c-nic')).toEqual([0]);
  });

  it('releases expired reservations only, and reports them', async () => {
    const now = new Date();
    const expired = { ...request(devicesOf(1, 'd-1', 'd-2')), expiresAt: new Date(+now - 1) };
    const due = { ...request(devicesOf(1, 'd-3')), expiresAt: now };
    const later = { ...request(devicesOf(1, 'd-4')), expiresAt: new Date(+now + 1_000) };
    const confirmed = { ...request(devicesOf(1, 'd-5')), expiresAt: new Date(+now - 1) };
    for (const asked of [expired, due, later, confirmed]) await fixture.ledger.reserve(asked);
    await fixture.ledger.confirm(confirmed.reservationId);

    const released = await fixture.ledger.releaseExpired(now);
    expect(released.map((a) => a.deviceId)).toEqual(['d-1', 'd-2', 'd-3']);
    expect(await fixture.ledger.releaseExpired(now)).toEqual([]);
    expect(await usedOf('d-1', 'd-2', 'd-3', 'd-4', 'd-5')).toEqual([0, 0, 0, 1, 1]);
  });

  it("releases a crashed owner's reservations but keeps its confirmed allocations", async () => {
    const pending = request(devicesOf(1, 'e-1', 'e-2'), 'replica-crashed');
    const done = request(devicesOf(1, 'e-3'), 'replica-crashed');
    const survivor = request(devicesOf(1, 'e-4'), 'replica-alive');
    for (const asked of [pending, done, survivor]) await fixture.ledger.reserve(asked);
    await fixture.ledger.confirm(done.reservationId);

    const released = await fixture.ledger.releaseOwner('replica-crashed');
    expect(released.map((a) => a.deviceId)).toEqual(['e-1', 'e-2']);
    expect(await usedOf('e-1', 'e-2', 'e-3', 'e-4')).toEqual([0, 0, 1, 1]);
  });

  it('refuses a second composition on an exclusive device', async () => {
    await fixture.ledger.reserve(request(devicesOf(1, 'f-gpu')));
    const refused = fixture.ledger.reserve(request(devicesOf(1, 'f-gpu')));
    await expect(refused).rejects.toBeInstanceOf(DeviceUnavailableError);
    await expect(refused).rejects.toMatchObject({
      code: 'DEVICE_UNAVAILABLE',
      deviceIds: ['f-gpu'],
    });
  });

  it('shares a device with up to its limit of compositions, and refuses the next', async () => {
    for (let index = 0; index < 3; index += 1) {
      await fixture.ledger.reserve(request(devicesOf(3, 'g-cxl')));
    }
    await expect(fixture.ledger.reserve(request(devicesOf(3, 'g-cxl')))).rejects.toMatchObject({
      deviceIds: ['g-cxl'],
    });
    expect(await fixture.ledger.usage(['g-cxl', 'g-unknown'])).toEqual([
      { deviceId: 'g-cxl', used: 3, maxCompositions: 3 },
      { deviceId: 'g-unknown', used: 0, maxCompositions: undefined },
    ]);
  });

  it('refuses the same device twice in one composition', async () => {
    const asked = request(devicesOf(2, 'h-ssd'));
    await fixture.ledger.reserve(asked);
    await expect(
      fixture.ledger.reserve({
        ...request(devicesOf(2, 'h-ssd')),
        compositionId: asked.compositionId,
      }),
    ).rejects.toMatchObject({ deviceIds: ['h-ssd'] });
  });

  it('stores nothing for a multi-device reservation with one unavailable device', async () => {
    await fixture.ledger.reserve(request(devicesOf(1, 'i-3')));
    const asked = request([...devicesOf(1, 'i-1', 'i-3', 'i-4'), ...devicesOf(2, 'i-2')]);
    await expect(fixture.ledger.reserve(asked)).rejects.toMatchObject({ deviceIds: ['i-3'] });
    expect(await fixture.ledger.allocationsOf(asked.compositionId)).toEqual([]);
    expect(await usedOf('i-1', 'i-2', 'i-3', 'i-4')).toEqual([0, 0, 1, 0]);
  });

  it('rolls back with the caller when it runs inside the caller’s transaction', async () => {
    const asked = request(devicesOf(1, 'j-fpga'));
    await expect(
      withTransaction(fixture.pool, async (client) => {
        await fixture.ledger.reserve(asked, client);
        expect(await fixture.ledger.allocationsOf(asked.compositionId, client)).toHaveLength(1);
        throw new Error('appending the composition events failed');
      }),
    ).rejects.toThrow('appending the composition events failed');
    expect(await usedOf('j-fpga')).toEqual([0]);
    expect(await fixture.ledger.allocationsOf(asked.compositionId)).toEqual([]);
  });

  it('refuses malformed requests before touching the database', async () => {
    await expect(fixture.ledger.reserve(request([]))).rejects.toBeInstanceOf(
      InvalidReservationError,
    );
    await expect(
      fixture.ledger.reserve(request([...devicesOf(1, 'k-1'), ...devicesOf(2, 'k-1')])),
    ).rejects.toBeInstanceOf(InvalidReservationError);
    await expect(fixture.ledger.reserve(request(devicesOf(0, 'k-2')))).rejects.toBeInstanceOf(
      InvalidReservationError,
    );
    expect(await fixture.ledger.usage(['k-1', 'k-2'])).toEqual([
      { deviceId: 'k-1', used: 0, maxCompositions: undefined },
      { deviceId: 'k-2', used: 0, maxCompositions: undefined },
    ]);
  });

  it('keeps a lowered limit from cutting off current holders, and applies it afterwards', async () => {
    const first = request(devicesOf(3, 'l-pmem'));
    await fixture.ledger.reserve(first);
    await fixture.ledger.reserve(request(devicesOf(3, 'l-pmem')));
    await expect(fixture.ledger.reserve(request(devicesOf(1, 'l-pmem')))).rejects.toBeInstanceOf(
      DeviceUnavailableError,
    );
    await fixture.ledger.release({ reservationId: first.reservationId });
    await expect(fixture.ledger.reserve(request(devicesOf(2, 'l-pmem')))).resolves.toHaveLength(1);
    expect(await fixture.ledger.usage(['l-pmem'])).toEqual([
      { deviceId: 'l-pmem', used: 2, maxCompositions: 2 },
    ]);
  });
});
