import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLedgerFixture,
  devicesOf,
  type LedgerFixture,
} from '../../test-support/ledger-fixture.js';

/** Writes that skip the ledger's code entirely, as a buggy replica or a hand-typed fix would. */
let fixture: LedgerFixture;
beforeAll(async () => {
  fixture = await createLedgerFixture();
  await fixture.ledger.reserve({
    reservationId: 'held',
    compositionId: 'holder',
    owner: 'replica-a',
    expiresAt: new Date(Date.now() + 60_000),
    devices: [...devicesOf(1, 'gpu-exclusive'), ...devicesOf(2, 'nvme-shared')],
  });
});
afterAll(async () => {
  await fixture.close();
});

const insertAllocation = (deviceId: string, compositionId: string): Promise<unknown> =>
  fixture.pool.query(
    `INSERT INTO composer_ledger.allocations
       (device_id, composition_id, state, owner, reservation_id, exclusive)
     VALUES ($1, $2, 'allocated', 'someone', $2, false)`,
    [deviceId, compositionId],
  );

describe('the ledger schema, written to directly', () => {
  it('refuses a second allocation of an exclusive device, even one claiming to be shared', async () => {
    // The partial unique index answers first; the count below would refuse it as well.
    await expect(insertAllocation('gpu-exclusive', 'intruder')).rejects.toMatchObject({
      code: '23505',
    });
  });

  it('refuses an allocation beyond a shared device’s limit, and counts the ones within it', async () => {
    await insertAllocation('nvme-shared', 'second');
    await expect(insertAllocation('nvme-shared', 'third')).rejects.toMatchObject({ code: '23514' });
    expect(await fixture.ledger.usage(['nvme-shared'])).toEqual([
      { deviceId: 'nvme-shared', used: 2, maxCompositions: 2 },
    ]);
  });

  it('refuses setting the usage count by hand', async () => {
    await expect(
      fixture.pool.query(`UPDATE composer_ledger.device_capacity SET used = 0`),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.device_capacity (device_id, max_compositions, used)
         VALUES ('fresh', 1, 1)`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses lowering a limit below current use', async () => {
    await expect(
      fixture.pool.query(
        `UPDATE composer_ledger.device_capacity SET max_compositions = 1 WHERE device_id = 'nvme-shared'`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses moving an allocation to another device', async () => {
    await expect(
      fixture.pool.query(
        `UPDATE composer_ledger.allocations SET device_id = 'nvme-shared'
          WHERE device_id = 'gpu-exclusive'`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses changing an allocation’s tenant, kind, lease or exclusivity', async () => {
    const changes = [
      `tenant = 'other'`,
      `kind = 'fpga'`,
      `lease_id = 'lease-x'`,
      `exclusive = false`,
    ];
    for (const change of changes) {
      await expect(
        fixture.pool.query(
          `UPDATE composer_ledger.allocations SET ${change} WHERE device_id = 'gpu-exclusive'`,
        ),
        change,
      ).rejects.toMatchObject({ code: '23514' });
    }
  });

  it('lets an allocation’s state and expiry change, as confirming a reservation does', async () => {
    const { rows } = await fixture.pool.query<{ state: string; exclusive: boolean }>(
      `UPDATE composer_ledger.allocations SET state = 'allocated', expires_at = NULL
        WHERE device_id = 'gpu-exclusive' RETURNING state, exclusive`,
    );
    expect(rows).toEqual([{ state: 'allocated', exclusive: true }]);
  });

  it('counts every row of one statement, inserting and deleting several devices at once', async () => {
    await fixture.pool.query(
      `INSERT INTO composer_ledger.device_capacity (device_id, max_compositions)
       VALUES ('pool-a', 3), ('pool-b', 1)`,
    );
    await fixture.pool.query(
      `INSERT INTO composer_ledger.allocations (device_id, composition_id, state, owner, reservation_id)
       VALUES ('pool-a', 'x', 'allocated', 'someone', 'x'), ('pool-a', 'y', 'allocated', 'someone', 'y'),
              ('pool-b', 'x', 'allocated', 'someone', 'x')`,
    );
    expect(await fixture.ledger.usage(['pool-a', 'pool-b'])).toEqual([
      { deviceId: 'pool-a', used: 2, maxCompositions: 3 },
      { deviceId: 'pool-b', used: 1, maxCompositions: 1 },
    ]);
    // One statement past a limit fails whole: pool-a would take its third and fourth.
    await expect(
      fixture.pool.query(
        `INSERT INTO composer_ledger.allocations (device_id, composition_id, state, owner, reservation_id)
         VALUES ('pool-a', 'z', 'allocated', 'someone', 'z'), ('pool-a', 'w', 'allocated', 'someone', 'w')`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await fixture.pool.query(
      `DELETE FROM composer_ledger.allocations WHERE device_id IN ('pool-a', 'pool-b')`,
    );
    expect(await fixture.ledger.usage(['pool-a', 'pool-b'])).toEqual([
      { deviceId: 'pool-a', used: 0, maxCompositions: 3 },
      { deviceId: 'pool-b', used: 0, maxCompositions: 1 },
    ]);
  });

  it('still refuses the second exclusive allocation by count when the index is sidestepped', async () => {
    const client = await fixture.pool.connect();
    try {
      await client.query('BEGIN');
      // Without the stamping trigger the row keeps its false claim to be shared.
      await client.query(
        `ALTER TABLE composer_ledger.allocations DISABLE TRIGGER allocations_stamp`,
      );
      await expect(
        client.query(
          `INSERT INTO composer_ledger.allocations
             (device_id, composition_id, state, owner, reservation_id, exclusive)
           VALUES ('gpu-exclusive', 'intruder', 'allocated', 'someone', 'intruder', false)`,
        ),
      ).rejects.toMatchObject({ code: '23514' });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
