import type { CompositionSpec } from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { gpuPool, now } from '../../test-support/composer-fixture.js';
import { DevicesTakenError } from '../ports/allocation-ledger.js';
import type { NewHold, ReservationBook } from './reservation-book.js';
import { InvalidHoldDurationError } from './reservation-errors.js';
import type { ReserveDeps } from './reserve-composition.command.js';
import { reserveComposition } from './reserve-composition.handler.js';

const oneGpu: CompositionSpec = {
  name: 'one-gpu',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpu', kind: 'gpu', count: 1 }],
};

/** A book whose ledger refuses every device named in `taken`. */
function bookRefusing(taken: ReadonlySet<string>): ReservationBook & { holds: NewHold[] } {
  const holds: NewHold[] = [];
  const unused = () => Promise.reject(new Error('not used by reserve'));
  return {
    holds,
    hold: (hold) => {
      const refused = hold.devices.map(({ deviceId }) => deviceId).filter((id) => taken.has(id));
      if (refused.length > 0) return Promise.reject(new DevicesTakenError(refused));
      holds.push(hold);
      return Promise.resolve();
    },
    find: unused,
    apply: unused,
    earlierApplication: unused,
  };
}

function depsWith(book: ReservationBook, pool = gpuPool(3)): ReserveDeps {
  let ids = 0;
  return {
    compositions: {} as ReserveDeps['compositions'],
    candidates: () => Promise.resolve(pool),
    clock: { now: () => now },
    ids: { newId: () => `id-${(ids += 1)}` },
    owner: 'replica-a',
    reservations: book,
    maxScheduleAttempts: 2,
  };
}

describe('reserveComposition', () => {
  it.each([0, 3601, 1.5, Number.NaN])(
    'refuses a hold of %s seconds and holds nothing',
    async (holdSeconds) => {
      const book = bookRefusing(new Set());
      await expect(
        reserveComposition(depsWith(book), { spec: oneGpu, holdSeconds, requestedBy: 'alice' }),
      ).rejects.toThrow(InvalidHoldDurationError);
      expect(book.holds).toEqual([]);
    },
  );

  it('records the held choice with a composition id of its own and the hold’s expiry', async () => {
    const book = bookRefusing(new Set());
    const outcome = await reserveComposition(depsWith(book), {
      spec: oneGpu,
      holdSeconds: 3600,
      requestedBy: 'alice',
    });
    expect(outcome).toMatchObject({
      outcome: 'held',
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    expect(book.holds).toMatchObject([
      {
        owner: 'replica-a',
        devices: [{ deviceId: 'gpu-00', maxCompositions: 1 }],
        held: { spec: oneGpu, reservedBy: 'alice', expiresAt: new Date(now.getTime() + 3_600_000) },
      },
    ]);
    const [hold] = book.holds;
    expect(hold?.held.compositionId).not.toBe(hold?.held.reservationId);
  });

  it('says the devices are contended once the ledger refused every allowed choice', async () => {
    const book = bookRefusing(new Set(['gpu-00', 'gpu-01']));
    const outcome = await reserveComposition(depsWith(book), {
      spec: oneGpu,
      holdSeconds: 60,
      requestedBy: 'alice',
    });
    expect(outcome.outcome).toBe('contended');
    expect(book.holds).toEqual([]);
  });
});
