import { describe, expect, it } from 'vitest';
import { InvalidCompositionCommandError, InvalidTransitionError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import {
  afterDeadline,
  attached,
  attachedOk,
  attachFailed,
  attachRequested,
  attaching,
  deadline,
  detached,
  detachObserved,
  detachRequested,
  devices,
  given,
  observed,
  ready,
  requested,
  schedule,
  scheduled,
  stateAfter,
  target,
} from './test-support/composition-fixtures.js';

const released: CompositionFact = { fact: 'ReservationReleased', reservationId: 'r-1' };
const failureOfGpu2 = 'device "gpu-2" failed to attach: link down';
const rollbackOfGpu2 = `rollback: ${failureOfGpu2}`;
const deadlineMissed = `attach deadline ${deadline} passed before gpu-2, nvme-1 attached`;

describe('attaching a composition', () => {
  it('asks the host to attach every reserved device', () => {
    expect(given([requested, scheduled]).when({ command: 'StartAttaching' })()).toEqual([
      attachRequested(devices),
    ]);
    expect(stateAfter(attaching).status).toBe('attaching');
  });

  it('names the fabric of each device’s route in its intent, where the schedule knew it', () => {
    const fabrics = { 'gpu-1': 'pcie-a', 'nvme-1': 'nvmeof-1' };
    const [onFabrics] = given([requested]).when({ ...schedule, fabrics })();
    expect(onFabrics).toEqual({ ...scheduled, fabrics });
    if (onFabrics === undefined) throw new Error('no Scheduled fact');
    expect(given([requested, onFabrics]).when({ command: 'StartAttaching' })()).toEqual([
      attachRequested([target('gpu-1', 1, 'pcie-a'), 'gpu-2', target('nvme-1', 1, 'nvmeof-1')]),
    ]);
    expect(given([requested]).when({ ...schedule, fabrics: {} })()).toEqual([scheduled]);
  });

  it('refuses fabrics of devices the schedule does not place, or without a fabric id', () => {
    expect(given([requested]).when({ ...schedule, fabrics: { 'gpu-9': 'pcie-a' } })).toThrow(
      new InvalidCompositionCommandError(
        'fabrics["gpu-9"]',
        'names a device the command does not place',
      ),
    );
    expect(given([requested]).when({ ...schedule, fabrics: { 'gpu-1': ' ' } })).toThrow(
      InvalidCompositionCommandError,
    );
  });

  it('changes nothing when asked to start again, and refuses to start before scheduling', () => {
    expect(given(attaching).when({ command: 'StartAttaching' })()).toEqual([]);
    expect(given([requested]).when({ command: 'StartAttaching' })).toThrow(
      new InvalidTransitionError('c-1', 'requested', 'StartAttaching'),
    );
  });

  it('records each attachment and is ready once the last device is attached', () => {
    expect(given(attaching).when(observed(attachedOk('gpu-1')))()).toEqual([attached('gpu-1')]);
    const lastOne = [...attaching, attached('gpu-1'), attached('gpu-2')];
    expect(given(lastOne).when(observed(attachedOk('nvme-1')))()).toEqual([
      attached('nvme-1'),
      { fact: 'Ready' },
    ]);
    expect(stateAfter(ready)).toMatchObject({
      status: 'ready',
      reservationId: undefined,
      attachDeadline: undefined,
    });
  });

  it('records the devices one observation reports together, and is ready when none is left', () => {
    const results = devices.map((deviceId) => attachedOk(deviceId));
    expect(given(attaching).when(observed(...results))()).toEqual([
      attached(...devices),
      { fact: 'Ready' },
    ]);
    // A device reported twice in one observation is recorded once.
    expect(given(attaching).when(observed(attachedOk('gpu-1'), attachedOk('gpu-1')))()).toEqual([
      attached('gpu-1'),
    ]);
  });

  it('on a failure among an observation’s results records the attached ones, then rolls back', () => {
    expect(given(attaching).when(observed(attachedOk('gpu-1'), attachFailed('gpu-2')))()).toEqual([
      attached('gpu-1'),
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
      detachRequested(['gpu-1', 'nvme-1'], rollbackOfGpu2),
      released,
      { fact: 'Rescheduling', attempt: 1, reason: failureOfGpu2, avoidDeviceIds: ['gpu-2'] },
    ]);
  });

  it('ignores a repeated observation and refuses one of a device it does not hold', () => {
    expect(given([...attaching, attached('gpu-1')]).when(observed(attachedOk('gpu-1')))()).toEqual(
      [],
    );
    expect(given(ready).when(observed(attachFailed('gpu-1')))()).toEqual([]);
    expect(given(attaching).when(observed(attachedOk('gpu-9')))).toThrow(
      new InvalidCompositionCommandError(
        'results[0].deviceId',
        '"gpu-9" is not a device of composition "c-1"',
      ),
    );
  });

  it('on a failed attach detaches what is on the host, releases and reschedules avoiding the device', () => {
    const history = [...attaching, attached('gpu-1')];
    expect(given(history).when(observed(attachFailed('gpu-2')))()).toEqual([
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
      detachRequested(['gpu-1', 'nvme-1'], rollbackOfGpu2),
      released,
      { fact: 'Rescheduling', attempt: 1, reason: failureOfGpu2, avoidDeviceIds: ['gpu-2'] },
    ]);
  });

  it('fails for good once the reschedules are used up', () => {
    const exhausted = [
      { ...requested, maxReschedules: 0 } as CompositionFact,
      scheduled,
      attachRequested(devices),
    ];
    expect(given(exhausted).when(observed(attachFailed('gpu-2')))()).toEqual([
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
      detachRequested(['gpu-1', 'nvme-1'], rollbackOfGpu2),
      released,
      {
        fact: 'Failed',
        reason: `${failureOfGpu2}; gave up after 0 reschedules`,
        unschedulable: [],
      },
    ]);
  });

  it('after a reschedule waits for the scheduler again, without the failed device', () => {
    const rescheduled: CompositionFact[] = [
      ...attaching,
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
      detachRequested(['gpu-1', 'nvme-1'], rollbackOfGpu2),
      released,
      { fact: 'Rescheduling', attempt: 1, reason: failureOfGpu2, avoidDeviceIds: ['gpu-2'] },
    ];
    expect(stateAfter(rescheduled)).toMatchObject({
      status: 'requested',
      reschedules: 1,
      avoidDeviceIds: ['gpu-2'],
      reservationId: undefined,
      hostId: undefined,
    });
    const { when } = given(rescheduled);
    expect(when({ ...schedule, reservationId: 'r-2' })).toThrow(
      'assignment.groups: device "gpu-1" failed an earlier attempt or is still being detached',
    );
    const elsewhere = {
      ...schedule,
      reservationId: 'r-2',
      assignment: {
        hostId: 'host-1',
        groups: [
          { group: 'gpus', deviceIds: ['gpu-3', 'gpu-4'] },
          { group: 'scratch', deviceIds: ['nvme-2'] },
        ],
      },
    };
    expect(when(elsewhere)()).toEqual([
      { ...scheduled, reservationId: 'r-2', groups: elsewhere.assignment.groups },
    ]);
    // The rolled-back devices' detaches are still observed, and a late attach changes nothing.
    expect(when(detachObserved('gpu-1'))()).toEqual([detached('gpu-1')]);
    expect(when(observed(attachedOk('nvme-1')))()).toEqual([]);
  });

  it('gives up an attach whose deadline passed: detaches even the silent devices, avoids them', () => {
    const history = [...attaching, attached('gpu-1')];
    expect(given(history).when({ command: 'CheckDeadline' }, afterDeadline)()).toEqual([
      { fact: 'AttachDeadlinePassed', deadline, pendingDeviceIds: ['gpu-2', 'nvme-1'] },
      detachRequested(['gpu-1', 'gpu-2', 'nvme-1'], `rollback: ${deadlineMissed}`),
      released,
      {
        fact: 'Rescheduling',
        attempt: 1,
        reason: deadlineMissed,
        avoidDeviceIds: ['gpu-2', 'nvme-1'],
      },
    ]);
  });

  it('gives up a schedule that never started attaching, without blaming its devices', () => {
    expect(
      given([requested, scheduled]).when({ command: 'CheckDeadline' }, afterDeadline)(),
    ).toEqual([
      { fact: 'AttachDeadlinePassed', deadline, pendingDeviceIds: [...devices] },
      released,
      {
        fact: 'Rescheduling',
        attempt: 1,
        reason: `attach deadline ${deadline} passed before gpu-1, gpu-2, nvme-1 attached`,
        avoidDeviceIds: [],
      },
    ]);
  });

  it('numbers each try at a device and ignores an answer to an earlier try', () => {
    const rescheduled: CompositionFact[] = [
      ...attaching,
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
      detachRequested(['gpu-1', 'nvme-1'], rollbackOfGpu2),
      detached('gpu-1', 'nvme-1'),
      released,
      { fact: 'Rescheduling', attempt: 1, reason: failureOfGpu2, avoidDeviceIds: ['gpu-2'] },
      {
        fact: 'Scheduled',
        hostId: 'host-1',
        attachDeadline: deadline,
        reservationId: 'r-2',
        groups: [
          { group: 'gpus', deviceIds: ['gpu-1', 'gpu-3'] },
          { group: 'scratch', deviceIds: ['nvme-1'] },
        ],
      },
    ];
    const intents = given(rescheduled).when({ command: 'StartAttaching' })();
    expect(intents).toEqual([
      attachRequested([target('gpu-1', 2), target('gpu-3', 1), target('nvme-1', 2)]),
    ]);
    const { when } = given([...rescheduled, ...intents]);
    expect(when(observed(attachedOk('gpu-1', 1)))()).toEqual([]);
    expect(when(observed(attachedOk('gpu-1', 2)))()).toEqual([attached('gpu-1')]);
  });

  it('changes nothing when checked before the deadline or with nothing in flight', () => {
    expect(given(attaching).when({ command: 'CheckDeadline' })()).toEqual([]);
    expect(given(ready).when({ command: 'CheckDeadline' }, afterDeadline)()).toEqual([]);
    expect(given([requested]).when({ command: 'CheckDeadline' }, afterDeadline)()).toEqual([]);
  });
});
