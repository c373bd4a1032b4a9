import {
  absentComposition,
  type Composition,
  type CompositionFact,
  type CompositionState,
  evolveComposition,
} from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import type { AllocationLedgerPort } from '../ports/allocation-ledger.js';
import { ledgerEffectsOf } from './ledger-effects.js';

const deadline = '2030-01-01T00:05:00.000Z';
const attach = (deviceId: string): CompositionFact => ({
  fact: 'AttachRequested',
  hostId: 'h1',
  devices: [{ deviceId, attempt: 1 }],
  deadline,
});
const detach = (deviceIds: string | string[], reason = 'rollback: r'): CompositionFact => ({
  fact: 'DetachRequested',
  hostId: 'h1',
  deviceIds: typeof deviceIds === 'string' ? [deviceIds] : deviceIds,
  reason,
});
const attaching: CompositionFact[] = [
  {
    fact: 'Requested',
    id: 'c1',
    spec: {
      name: 'c1',
      tenant: 't',
      host: { hostId: 'h1' },
      groups: [{ name: 'gpus', kind: 'gpu', count: 3 }],
      healing: { replaceFailed: true },
    },
    idempotencyKey: 'k',
    requestedBy: 'alice',
    maxReschedules: 3,
    requestedAt: '2030-01-01T00:00:00.000Z',
  },
  {
    fact: 'Scheduled',
    hostId: 'h1',
    groups: [{ group: 'gpus', deviceIds: ['g1', 'g2', 'g3'] }],
    reservationId: 'r1',
    attachDeadline: deadline,
  },
  attach('g1'),
  attach('g2'),
];

const stateAfter = (facts: readonly CompositionFact[]): Composition => {
  const state = facts.reduce<CompositionState>(evolveComposition, absentComposition);
  if (state.status === 'absent') throw new Error('no composition');
  return state;
};

/** The ledger calls the effects make, in order. */
async function callsOf(before: readonly CompositionFact[], facts: readonly CompositionFact[]) {
  const calls: unknown[][] = [];
  const ledger: AllocationLedgerPort = {
    reserve: (reservation) => Promise.resolve(void calls.push(['reserve', reservation])),
    confirm: (reservationId) => Promise.resolve(void calls.push(['confirm', reservationId])),
    release: (target) => Promise.resolve(void calls.push(['release', target])),
    releaseDevices: (compositionId, deviceIds) =>
      Promise.resolve(void calls.push(['releaseDevices', compositionId, deviceIds])),
    holdUntilReleased: (reservationId) =>
      Promise.resolve(void calls.push(['holdUntilReleased', reservationId])),
  };
  const effects = ledgerEffectsOf(stateAfter(before), facts);
  await effects.work?.(ledger);
  return { calls, released: effects.releasedDeviceIds };
}

describe('the ledger following a composition', () => {
  it('on a rollback releases what never reached the host and holds what is being detached', async () => {
    const rollback: CompositionFact[] = [
      { fact: 'DeviceAttachFailed', deviceId: 'g2', detail: 'x' },
      detach('g1'),
      { fact: 'ReservationReleased', reservationId: 'r1' },
      { fact: 'Rescheduling', attempt: 1, reason: 'r', avoidDeviceIds: ['g2'] },
    ];
    expect(await callsOf(attaching, rollback)).toEqual({
      calls: [
        ['releaseDevices', 'c1', ['g2', 'g3']],
        ['holdUntilReleased', 'r1'],
      ],
      // g2 failed this composition; its reschedule avoids it, others may have it again.
      released: ['g2', 'g3'],
    });
    expect(
      await callsOf([...attaching, ...rollback], [{ fact: 'DeviceDetached', deviceIds: ['g1'] }]),
    ).toEqual({ calls: [['releaseDevices', 'c1', ['g1']]], released: ['g1'] });
  });

  it('releases a whole reservation when nothing of it is on the host', async () => {
    const facts: CompositionFact[] = [
      { fact: 'DeviceAttachFailed', deviceId: 'g1', detail: 'x' },
      { fact: 'DeviceAttachFailed', deviceId: 'g2', detail: 'x' },
      { fact: 'ReservationReleased', reservationId: 'r1' },
    ];
    expect((await callsOf(attaching, facts)).calls).toEqual([['release', { reservationId: 'r1' }]]);
  });

  it('confirms the reservation of a ready composition, an expansion and a replacement', async () => {
    const ready: CompositionFact[] = [
      ...attaching,
      attach('g3'),
      {
        fact: 'DeviceAttached',
        devices: ['g1', 'g2', 'g3'].map((deviceId) => ({ deviceId, detail: 'ok' })),
      },
    ];
    expect((await callsOf(ready, [{ fact: 'Ready' }])).calls).toEqual([['confirm', 'r1']]);
    const expanding: CompositionFact[] = [
      ...ready,
      { fact: 'Ready' },
      {
        fact: 'ExpansionStarted',
        hostId: 'h1',
        group: { name: 'more', kind: 'gpu', count: 1 },
        deviceIds: ['g4'],
        reservationId: 'r2',
        attachDeadline: deadline,
      },
    ];
    expect((await callsOf(expanding, [{ fact: 'Expanded', group: 'more' }])).calls).toEqual([
      ['confirm', 'r2'],
    ]);
    const healing: CompositionFact[] = [
      ...ready,
      { fact: 'Ready' },
      {
        fact: 'DeviceReplacementStarted',
        hostId: 'h1',
        group: 'gpus',
        failedDeviceId: 'g1',
        replacementDeviceId: 'g5',
        reservationId: 'r3',
        attachDeadline: deadline,
      },
    ];
    const replaced: CompositionFact[] = [
      detach('g1', 'replaced by g5'),
      { fact: 'DeviceReplaced', failedDeviceId: 'g1', replacementDeviceId: 'g5' },
    ];
    expect((await callsOf(healing, replaced)).calls).toEqual([['confirm', 'r3']]);
  });

  it('decomposing releases devices never attached at once and holds an attach in flight', async () => {
    const facts: CompositionFact[] = [
      { fact: 'DecomposeRequested', reason: 'done', requestedBy: 'alice' },
      detach(['g1', 'g2'], 'decomposed: done'),
    ];
    expect(await callsOf(attaching, facts)).toEqual({
      calls: [
        ['releaseDevices', 'c1', ['g3']],
        ['holdUntilReleased', 'r1'],
      ],
      released: ['g3'],
    });
  });
});
