import { withTransaction } from '@tessera/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLedgerFixture,
  devicesOf,
  type LedgerFixture,
} from '../../test-support/ledger-fixture.js';
import { DeviceUnavailableError, type LeaseHoldRequest } from '../ledger/index.js';

let fixture: LedgerFixture;
beforeAll(async () => {
  fixture = await createLedgerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const day = (d: string): Date => new Date(`${d}T00:00:00.000Z`);
const hold = (leaseId: string, from: string, to: string, ...ids: string[]): LeaseHoldRequest => ({
  leaseId,
  startsAt: day(from),
  endsAt: day(to),
  devices: devicesOf(1, ...ids),
});
const holdIt = (request: LeaseHoldRequest): Promise<void> =>
  withTransaction(fixture.pool, (client) => fixture.ledger.leaseHolds.hold(client, request));
const reservation = (deviceId: string, leaseId?: string) => ({
  reservationId: `r-${deviceId}-${leaseId ?? 'open'}`,
  compositionId: `c-${deviceId}-${leaseId ?? 'open'}`,
  owner: 'replica-a',
  expiresAt: new Date(Date.now() + 60_000),
  devices: devicesOf(1, deviceId),
  leaseId,
});

describe('lease holds in the ledger', () => {
  it('holds devices for windows that do not overlap, and refuses those that do', async () => {
    await holdIt(hold('A', '2025-12-28', '2026-01-03', 'lh-1', 'lh-2'));
    await expect(
      holdIt(hold('B', '2025-12-30', '2026-01-02', 'lh-2', 'lh-3')),
    ).rejects.toMatchObject({
      deviceIds: ['lh-2'],
    });
    await holdIt(hold('C', '2026-01-03', '2026-01-05', 'lh-1', 'lh-2'));
    expect(await fixture.ledger.leaseHolds.heldFor(fixture.pool, 'B')).toEqual([]);
    expect(
      [
        ...(await fixture.ledger.leaseHolds.promisedDuring(
          fixture.pool,
          day('2026-01-02'),
          day('2026-01-04'),
        )),
      ].sort(),
    ).toEqual(['lh-1', 'lh-2']);
  });

  it('gives a held device to the lease’s own compositions only, whoever writes', async () => {
    await holdIt(hold('D', '2030-12-28', '2031-01-03', 'lh-4'));
    await expect(fixture.ledger.reserve(reservation('lh-4'))).rejects.toBeInstanceOf(
      DeviceUnavailableError,
    );
    await expect(fixture.ledger.reserve(reservation('lh-4', 'other-lease'))).rejects.toBeInstanceOf(
      DeviceUnavailableError,
    );
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.allocations (device_id, composition_id, state, owner, reservation_id)
         VALUES ('lh-4', 'sneaky', 'allocated', 'me', 'r-sneaky')`,
      ),
    ).rejects.toThrow(/promised to lease D/);
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.lease_holds (lease_id, device_id, starts_at, ends_at)
         VALUES ('E', 'lh-4', '2030-12-31', '2031-01-10')`,
      ),
    ).rejects.toThrow(/promised to lease D/);
    await expect(fixture.ledger.reserve(reservation('lh-4', 'D'))).resolves.toHaveLength(1);
  });

  it('gives a device held for consecutive leases to each lease in its own window', async () => {
    await holdIt(hold('early', '2030-12-28', '2031-01-03', 'lh-7', 'lh-8'));
    await holdIt(hold('late', '2031-01-03', '2031-01-05', 'lh-7', 'lh-8'));
    await expect(fixture.ledger.reserve(reservation('lh-7', 'early'))).resolves.toHaveLength(1);
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.allocations
           (device_id, composition_id, state, owner, reservation_id, lease_id)
         VALUES ('lh-8', 'late-1', 'allocated', 'me', 'r-late-1', 'late')`,
      ),
    ).resolves.toMatchObject({ rowCount: 1 });
    await fixture.ledger.release({ compositionId: 'c-lh-7-early' });
    await expect(fixture.ledger.reserve(reservation('lh-7', 'late'))).resolves.toHaveLength(1);
    await fixture.ledger.release({ compositionId: 'late-1' });
    await expect(fixture.ledger.reserve(reservation('lh-8', 'unrelated'))).rejects.toMatchObject({
      code: 'DEVICE_UNAVAILABLE',
    });
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.allocations
           (device_id, composition_id, state, owner, reservation_id, lease_id)
         VALUES ('lh-8', 'stranger', 'allocated', 'me', 'r-stranger', 'unrelated')`,
      ),
    ).rejects.toThrow(/promised to lease (early|late)/);
    expect(await fixture.inconsistentDevices()).toEqual([]);
  });

  it('lets open-ended compositions have a device once every hold on it is over', async () => {
    await holdIt(hold('past', '2020-01-01', '2020-01-02', 'lh-9'));
    await expect(fixture.ledger.reserve(reservation('lh-9'))).resolves.toHaveLength(1);
    await holdIt(hold('future', '2030-03-01', '2030-03-02', 'lh-10'));
    await expect(fixture.ledger.reserve(reservation('lh-10'))).rejects.toMatchObject({
      code: 'DEVICE_UNAVAILABLE',
    });
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.allocations (device_id, composition_id, state, owner, reservation_id)
         VALUES ('lh-10', 'open', 'allocated', 'me', 'r-open')`,
      ),
    ).rejects.toThrow(/promised to lease future/);
  });

  it('does not promise a device an open-ended composition holds, and frees on release', async () => {
    await fixture.ledger.reserve(reservation('lh-5'));
    await expect(holdIt(hold('F', '2026-02-01', '2026-02-03', 'lh-5'))).rejects.toBeInstanceOf(
      DeviceUnavailableError,
    );
    await holdIt(hold('G', '2026-02-01', '2026-02-03', 'lh-6'));
    expect(
      await withTransaction(fixture.pool, (c) => fixture.ledger.leaseHolds.release(c, 'G')),
    ).toEqual(['lh-6']);
    await expect(fixture.ledger.reserve(reservation('lh-6'))).resolves.toHaveLength(1);
    expect(await fixture.inconsistentDevices()).toEqual([]);
  });
});
