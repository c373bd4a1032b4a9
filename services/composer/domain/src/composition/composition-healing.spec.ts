import { describe, expect, it } from 'vitest';
import { HealingDisabledError, InvalidTransitionError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import {
  attached,
  attachedOk,
  attachFailed,
  attachRequested,
  attaching,
  afterDeadline,
  deadline,
  detached,
  detachObserved,
  detachRequested,
  given,
  observed,
  ready,
  requested,
  spec,
  stateAfter,
  target,
} from './test-support/composition-fixtures.js';

describe('replacing a failed device', () => {
  const replace = {
    command: 'ReplaceFailedDevice',
    failedDeviceId: 'gpu-2',
    replacementDeviceId: 'gpu-9',
    reservationId: 'r-3',
    attachDeadline: deadline,
  } as const;
  const started: CompositionFact = {
    fact: 'DeviceReplacementStarted',
    hostId: 'host-1',
    group: 'gpus',
    failedDeviceId: 'gpu-2',
    replacementDeviceId: 'gpu-9',
    reservationId: 'r-3',
    attachDeadline: deadline,
  };
  const healing = [...ready, started, attachRequested(['gpu-9'])];

  it('reserves a replacement in the same group and asks the host to attach it', () => {
    expect(given(ready).when(replace)()).toEqual([started, attachRequested(['gpu-9'])]);
    expect(stateAfter(healing).status).toBe('healing');
  });

  it('names the fabric of the replacement’s route in its fact and its intent', () => {
    const fabrics = { 'gpu-9': 'pcie-b' };
    expect(given(ready).when({ ...replace, fabrics })()).toEqual([
      { ...started, fabrics },
      attachRequested([target('gpu-9', 1, 'pcie-b')]),
    ]);
    expect(given(ready).when({ ...replace, fabrics: { 'gpu-1': 'pcie-b' } })).toThrow(
      'fabrics["gpu-1"]: names a device the command does not place',
    );
  });

  it('detaches the failed device once the replacement is attached', () => {
    const facts = given(healing).when(observed(attachedOk('gpu-9')))();
    expect(facts).toEqual([
      attached('gpu-9'),
      detachRequested('gpu-2', 'replaced by gpu-9'),
      { fact: 'DeviceReplaced', failedDeviceId: 'gpu-2', replacementDeviceId: 'gpu-9' },
    ]);
    const after = given([...healing, ...facts]);
    expect(after.state.status).toBe('ready');
    expect(after.when(detachObserved('gpu-2'))()).toEqual([detached('gpu-2')]);
  });

  it('keeps the failed device when the replacement fails, so another can be tried', () => {
    const facts = given(healing).when(observed(attachFailed('gpu-9', 'dead')))();
    expect(facts).toEqual([
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-9', detail: 'dead' },
      { fact: 'ReservationReleased', reservationId: 'r-3' },
      {
        fact: 'ReplacementAbandoned',
        failedDeviceId: 'gpu-2',
        reason: 'device "gpu-9" failed to attach: dead',
      },
    ]);
    const { state, when } = given([...healing, ...facts]);
    expect(state.status).toBe('ready');
    expect(
      when({ ...replace, replacementDeviceId: 'gpu-10', reservationId: 'r-4' })(),
    ).toHaveLength(2);
  });

  it('changes nothing when repeated', () => {
    expect(given(healing).when(replace)()).toEqual([]);
  });

  it('refuses without a healing policy, for a device it does not hold, or a replacement it holds', () => {
    const noHealing: CompositionFact[] = [
      {
        ...requested,
        spec: { ...spec, healing: { replaceFailed: false }, priority: 100 },
      } as CompositionFact,
      ...ready.slice(1),
    ];
    expect(given(noHealing).when(replace)).toThrow(HealingDisabledError);
    expect(given(ready).when({ ...replace, failedDeviceId: 'gpu-7' })).toThrow(
      'failedDeviceId: "gpu-7" is not attached to composition "c-1"',
    );
    expect(given(ready).when({ ...replace, replacementDeviceId: 'gpu-1' })).toThrow(
      'replacementDeviceId: "gpu-1" is already a device of composition "c-1"',
    );
    expect(given(attaching).when(replace)).toThrow(
      new InvalidTransitionError('c-1', 'attaching', 'ReplaceFailedDevice'),
    );
  });

  it('is abandoned when the replacement misses its deadline', () => {
    const reason = `attach deadline ${deadline} passed before gpu-9 attached`;
    expect(given(healing).when({ command: 'CheckDeadline' }, afterDeadline)()).toEqual([
      { fact: 'AttachDeadlinePassed', deadline, pendingDeviceIds: ['gpu-9'] },
      detachRequested('gpu-9', `rollback: ${reason}`),
      { fact: 'ReservationReleased', reservationId: 'r-3' },
      { fact: 'ReplacementAbandoned', failedDeviceId: 'gpu-2', reason },
    ]);
  });
});
