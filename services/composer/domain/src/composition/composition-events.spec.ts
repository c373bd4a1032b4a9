import { describe, expect, it } from 'vitest';
import {
  compositionEventOf,
  compositionFactOf,
  compositionStreamId,
} from './composition-events.js';
import { type CompositionFact, compositionFactNames } from './composition-facts.js';
import { attached, ready, requested } from './test-support/composition-fixtures.js';

const everyFact: CompositionFact[] = [
  ...ready,
  { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
  {
    fact: 'AttachDeadlinePassed',
    deadline: '2025-12-28T10:05:00.000Z',
    pendingDeviceIds: ['gpu-2'],
  },
  { fact: 'DetachRequested', hostId: 'host-1', deviceIds: ['gpu-1', 'nvme-1'], reason: 'shrink' },
  { fact: 'DeviceDetached', deviceIds: ['gpu-1'] },
  { fact: 'ReservationReleased', reservationId: 'r-1' },
  { fact: 'Rescheduling', attempt: 1, reason: 'r', avoidDeviceIds: ['gpu-2'] },
  { fact: 'Failed', reason: 'none', unschedulable: [{ group: 'gpus', why: 'no gpu' }] },
  {
    fact: 'ExpansionStarted',
    hostId: 'host-1',
    group: { name: 'nics', kind: 'nic', count: 1 },
    deviceIds: ['nic-1'],
    reservationId: 'r-2',
    attachDeadline: '2025-12-28T10:05:00.000Z',
  },
  { fact: 'Expanded', group: 'nics' },
  { fact: 'ExpansionAbandoned', group: 'nics', reason: 'r' },
  { fact: 'ShrinkStarted', deviceIds: ['gpu-1'] },
  { fact: 'Shrunk', deviceIds: ['gpu-1'] },
  {
    fact: 'DeviceReplacementStarted',
    hostId: 'host-1',
    group: 'gpus',
    failedDeviceId: 'gpu-2',
    replacementDeviceId: 'gpu-9',
    reservationId: 'r-3',
    attachDeadline: '2025-12-28T10:05:00.000Z',
  },
  { fact: 'DeviceReplaced', failedDeviceId: 'gpu-2', replacementDeviceId: 'gpu-9' },
  { fact: 'ReplacementAbandoned', failedDeviceId: 'gpu-2', reason: 'r' },
  { fact: 'ReplacementUnavailable', group: 'gpus', failedDeviceId: 'gpu-2', reason: 'none' },
  { fact: 'DecomposeRequested', reason: 'done', requestedBy: 'alice' },
  { fact: 'Decomposed' },
];

describe('composition events', () => {
  it('are named tessera.composer.v1.<fact> and carry the composition id', () => {
    expect(compositionEventOf('c-1', attached('gpu-1'))).toEqual({
      type: 'tessera.composer.v1.DeviceAttached',
      data: { compositionId: 'c-1', devices: [{ deviceId: 'gpu-1', detail: 'ok' }] },
    });
    expect(compositionStreamId('c-1')).toBe('composition-c-1');
  });

  it('give back every fact unchanged after a JSON round trip', () => {
    expect(new Set(everyFact.map(({ fact }) => fact))).toEqual(new Set(compositionFactNames));
    for (const fact of everyFact) {
      const stored = JSON.parse(JSON.stringify(compositionEventOf('c-1', fact))) as ReturnType<
        typeof compositionEventOf
      >;
      expect(compositionFactOf(stored)).toEqual({ compositionId: 'c-1', fact });
    }
  });

  it('keep the id a Requested fact carries apart from the stream id', () => {
    const event = compositionEventOf('c-1', requested);
    expect(event.data).toMatchObject({ compositionId: 'c-1', id: 'c-1' });
    expect(compositionFactOf(event)?.fact).toEqual(requested);
  });

  it('are not read from other namespaces or unknown facts', () => {
    const data = { compositionId: 'c-1' };
    expect(
      compositionFactOf({ type: 'tessera.inventory.v1.DeviceCordoned', data }),
    ).toBeUndefined();
    expect(compositionFactOf({ type: 'tessera.composer.v1.Exploded', data })).toBeUndefined();
  });
});
