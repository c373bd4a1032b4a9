import { type CompositionSpec, IdempotencyConflictError } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestComposition } from '../compose/request-composition.handler.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
  now,
  smallLab,
} from '../../test-support/composer-fixture.js';
import { heldCount, laterBy, reservingReplica } from '../../test-support/reservation-fixture.js';
import { applyReservation } from './apply-reservation.handler.js';
import { ReservationExpiredError, HeldReservationNotFoundError } from './reservation-errors.js';
import { reserveComposition } from './reserve-composition.handler.js';
import type { ReservationOutcome } from './reserve-composition.command.js';

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

function heldOf(outcome: ReservationOutcome): Extract<ReservationOutcome, { outcome: 'held' }> {
  if (outcome.outcome !== 'held') {
    throw new Error(`expected a hold, got ${JSON.stringify(outcome)}`);
  }
  return outcome;
}

const apply = (reservationId: string, idempotencyKey: string) => ({
  reservationId,
  idempotencyKey,
  requestedBy: 'alice',
});

describe('reserve', () => {
  it('holds the chosen devices until the hold ends, and a concurrent request cannot take them', async () => {
    const a = await reservingReplica(fixture, 'replica-a', () => gpuPool(3, 'hold'));
    const b = await reservingReplica(fixture, 'replica-b', () => gpuPool(3, 'hold'));
    const held = heldOf(
      await reserveComposition(a.deps, { spec: oneGpu, holdSeconds: 60, requestedBy: 'alice' }),
    );
    expect(held.assignment).toEqual({
      hostId: 'h1',
      groups: [{ group: 'gpu', deviceIds: ['hold-00'] }],
    });
    expect(held.expiresAt).toEqual(new Date(now.getTime() + 60_000));
    const stored = await a.book.find(held.reservationId);
    const rows = await a.persistence.ledger.allocationsOf(stored?.compositionId ?? '');
    expect(rows).toMatchObject([
      { deviceId: 'hold-00', state: 'reserved', owner: 'replica-a', expiresAt: held.expiresAt },
    ]);

    // Replica b's index believes hold-00 is free: the ledger refuses it and b takes the next.
    const other = await requestComposition(
      b.deps,
      { spec: oneGpu, idempotencyKey: 'hold-other', requestedBy: 'bob' },
      commandContext(),
    );
    expect(other.assignment?.groups[0]?.deviceIds).toEqual(['hold-01']);
  });

  it('chooses again when another replica took the chosen device first', async () => {
    const a = await reservingReplica(fixture, 'replica-a', () => gpuPool(2, 'again'));
    const b = await reservingReplica(fixture, 'replica-b', () => gpuPool(2, 'again'));
    await reserveComposition(b.deps, { spec: oneGpu, holdSeconds: 60, requestedBy: 'bob' });
    const held = heldOf(
      await reserveComposition(a.deps, { spec: oneGpu, holdSeconds: 60, requestedBy: 'alice' }),
    );
    expect(held.assignment.groups[0]?.deviceIds).toEqual(['again-01']);
  });

  it('explains per group why an impossible spec does not fit, and holds nothing', async () => {
    const a = await reservingReplica(fixture, 'replica-a', smallLab);
    const before = { counts: await fixture.storedCounts(), held: await heldCount(a) };
    const outcome = await reserveComposition(a.deps, {
      spec: {
        ...oneGpu,
        groups: [
          {
            name: 'gpus',
            kind: 'gpu',
            count: 3,
            selectors: [{ attribute: 'memoryGiB', op: '>=', value: 80 }],
          },
          { name: 'scratch', kind: 'nvme', count: 4 },
        ],
      },
      holdSeconds: 60,
      requestedBy: 'alice',
    });
    expect(outcome.outcome).toBe('unschedulable');
    if (outcome.outcome !== 'unschedulable') return;
    expect(outcome.groups.map((group) => group.group)).toEqual(['gpus', 'scratch']);
    expect(outcome.groups[0]?.why).toMatch(/DeviceSelector 1/);
    expect({ counts: await fixture.storedCounts(), held: await heldCount(a) }).toEqual(before);
  });
});

describe('apply', () => {
  it('composes exactly the held devices under the same reservation, and removes the hold', async () => {
    const a = await reservingReplica(fixture, 'replica-a', () => gpuPool(3, 'apply'));
    const held = heldOf(
      await reserveComposition(a.deps, { spec: oneGpu, holdSeconds: 60, requestedBy: 'alice' }),
    );
    const holds = await heldCount(a);
    const outcome = await applyReservation(
      a.deps,
      apply(held.reservationId, 'apply-1'),
      commandContext(),
    );
    expect(outcome).toMatchObject({ status: 'scheduled', assignment: held.assignment });
    const { state } = await a.persistence.compositions.load(outcome.compositionId);
    expect(state).toMatchObject({
      status: 'scheduled',
      hostId: 'h1',
      reservationId: held.reservationId,
      bindings: [{ deviceId: 'apply-00', group: 'gpu', status: 'reserved' }],
    });
    // The devices stay reserved, now until the attach deadline rather than the hold's end.
    expect(await a.persistence.ledger.allocationsOf(outcome.compositionId)).toMatchObject([
      {
        deviceId: 'apply-00',
        state: 'reserved',
        reservationId: held.reservationId,
        expiresAt: new Date(now.getTime() + 5 * 60_000),
      },
    ]);
    expect(await heldCount(a)).toBe(holds - 1);
  });

  it('returns the same composition for the same key, and refuses the spent hold otherwise', async () => {
    const a = await reservingReplica(fixture, 'replica-a', () => gpuPool(2, 'twice'));
    const held = heldOf(
      await reserveComposition(a.deps, { spec: oneGpu, holdSeconds: 60, requestedBy: 'alice' }),
    );
    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        applyReservation(a.deps, apply(held.reservationId, 'twice-key'), commandContext()),
      ),
    );
    const third = await applyReservation(
      a.deps,
      apply(held.reservationId, 'twice-key'),
      commandContext(),
    );
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const owners = (await fixture.ledgerRows()).filter((row) => row.deviceId.startsWith('twice-'));
    expect(owners.map((row) => row.compositionId)).toEqual([first?.compositionId]);

    await expect(
      applyReservation(a.deps, apply(held.reservationId, 'twice-other'), commandContext()),
    ).rejects.toThrow(HeldReservationNotFoundError);
    await expect(
      requestComposition(
        a.deps,
        { spec: oneGpu, idempotencyKey: 'twice-key', requestedBy: 'alice' },
        commandContext(),
      ),
    ).rejects.toThrow(IdempotencyConflictError);
  });

  it('refuses an unknown reservation and stores nothing', async () => {
    const a = await reservingReplica(fixture, 'replica-a', () => gpuPool(1, 'unknown'));
    const before = await fixture.storedCounts();
    const attempt = applyReservation(a.deps, apply('no-such-hold', 'unknown-1'), commandContext());
    await expect(attempt).rejects.toThrow(HeldReservationNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'RESERVATION_NOT_FOUND' });
    expect(await fixture.storedCounts()).toEqual(before);
  });

  it('refuses an expired hold, storing nothing; the sweep frees its devices for new requests', async () => {
    const a = await reservingReplica(fixture, 'replica-a', () => gpuPool(1, 'expire'));
    const held = heldOf(
      await reserveComposition(a.deps, { spec: oneGpu, holdSeconds: 30, requestedBy: 'alice' }),
    );
    const before = await fixture.storedCounts();
    const attempt = applyReservation(
      laterBy(a, now, 30),
      apply(held.reservationId, 'expire-1'),
      commandContext(),
    );
    await expect(attempt).rejects.toThrow(ReservationExpiredError);
    await expect(attempt).rejects.toMatchObject({ code: 'RESERVATION_EXPIRED' });
    expect(await fixture.storedCounts()).toEqual(before);

    const sweptAt = new Date(now.getTime() + 31_000);
    const swept = await a.sweep.releaseExpiredReservations(sweptAt);
    expect(swept.released.map((row) => row.deviceId)).toContain('expire-00');
    expect(swept.expiredHolds).toBeGreaterThanOrEqual(1);
    expect(await a.book.find(held.reservationId)).toBeUndefined();
    expect(await a.sweep.releaseExpiredReservations(sweptAt)).toEqual({
      released: [],
      expiredHolds: 0,
    });

    const fresh = await reservingReplica(fixture, 'replica-c', () => gpuPool(1, 'expire'));
    const outcome = await requestComposition(
      fresh.deps,
      { spec: oneGpu, idempotencyKey: 'expire-next', requestedBy: 'bob' },
      commandContext(),
    );
    expect(outcome).toMatchObject({
      status: 'scheduled',
      assignment: { groups: [{ deviceIds: ['expire-00'] }] },
    });
  });
});
