import { describe, expect, it } from 'vitest';
import { HealingDisabledError, InvalidTransitionError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import {
  attached,
  attachRequested,
  attaching,
  deadline,
  detached,
  detachRequested,
  given,
  ready,
  requested,
  spec,
  stateAfter,
} from './test-support/composition-fixtures.js';

const report = {
  command: 'ReportNoReplacement',
  failedDeviceId: 'gpu-2',
  reason: 'no gpu left on host-1',
} as const;
const unavailable: CompositionFact = {
  fact: 'ReplacementUnavailable',
  group: 'gpus',
  failedDeviceId: 'gpu-2',
  reason: 'no gpu left on host-1',
};

describe('healing that finds no replacement', () => {
  it('says so and leaves the composition ready but degraded, with the failed device', () => {
    expect(given(ready).when(report)()).toEqual([unavailable]);
    const state = stateAfter([...ready, unavailable]);
    expect(state).toMatchObject({ status: 'ready', degradedDeviceIds: ['gpu-2'] });
    expect(state.status !== 'absent' && state.bindings.map(({ deviceId }) => deviceId)).toEqual([
      'gpu-1',
      'gpu-2',
      'nvme-1',
    ]);
  });

  it('is reported once per failed device', () => {
    expect(given([...ready, unavailable]).when(report)()).toEqual([]);
  });

  it('is no longer degraded once a later replacement succeeds', () => {
    const healed = [
      ...ready,
      unavailable,
      {
        fact: 'DeviceReplacementStarted',
        hostId: 'host-1',
        group: 'gpus',
        failedDeviceId: 'gpu-2',
        replacementDeviceId: 'gpu-9',
        reservationId: 'r-3',
        attachDeadline: deadline,
      },
      attachRequested(['gpu-9']),
      attached('gpu-9'),
      detachRequested('gpu-2', 'replaced by gpu-9'),
      { fact: 'DeviceReplaced', failedDeviceId: 'gpu-2', replacementDeviceId: 'gpu-9' },
    ] satisfies CompositionFact[];
    expect(stateAfter(healed)).toMatchObject({ status: 'ready', degradedDeviceIds: [] });
    expect(stateAfter([...healed, detached('gpu-2')])).toMatchObject({ degradedDeviceIds: [] });
  });

  it('refuses without a healing policy, for a device it does not hold, or outside ready', () => {
    const noHealing: CompositionFact[] = [
      {
        ...requested,
        spec: { ...spec, healing: { replaceFailed: false }, priority: 100 },
      } as CompositionFact,
      ...ready.slice(1),
    ];
    expect(given(noHealing).when(report)).toThrow(HealingDisabledError);
    expect(given(ready).when({ ...report, failedDeviceId: 'gpu-7' })).toThrow(
      'failedDeviceId: "gpu-7" is not attached to composition "c-1"',
    );
    expect(given(ready).when({ ...report, reason: ' ' })).toThrow('reason: must not be empty');
    expect(given(attaching).when(report)).toThrow(
      new InvalidTransitionError('c-1', 'attaching', 'ReportNoReplacement'),
    );
  });
});

describe('device bindings', () => {
  it('remember the reservation each device was reserved under', () => {
    const expanded = [
      ...ready,
      {
        fact: 'ExpansionStarted',
        hostId: 'host-1',
        group: { name: 'nics', kind: 'nic', count: 1 },
        deviceIds: ['nic-1'],
        reservationId: 'r-2',
        attachDeadline: deadline,
      },
    ] satisfies CompositionFact[];
    const state = stateAfter(expanded);
    expect(
      state.status !== 'absent' &&
        state.bindings.map(({ deviceId, reservationId }) => [deviceId, reservationId]),
    ).toEqual([
      ['gpu-1', 'r-1'],
      ['gpu-2', 'r-1'],
      ['nvme-1', 'r-1'],
      ['nic-1', 'r-2'],
    ]);
  });
});
