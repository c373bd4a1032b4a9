import { describe, expect, it } from 'vitest';
import { CompositionSpecInvalidError, type DeviceGroupSpec } from '../spec/index.js';
import { InvalidTransitionError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import { groupsOf } from './composition-state.js';
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
  given,
  observed,
  ready,
  stateAfter,
  target,
} from './test-support/composition-fixtures.js';

const nics: DeviceGroupSpec = { name: 'nics', kind: 'nic', count: 2 };
const expand = {
  command: 'Expand',
  group: nics,
  deviceIds: ['nic-1', 'nic-2'],
  reservationId: 'r-2',
  attachDeadline: deadline,
} as const;
const expansionStarted: CompositionFact = {
  fact: 'ExpansionStarted',
  hostId: 'host-1',
  group: nics,
  deviceIds: ['nic-1', 'nic-2'],
  reservationId: 'r-2',
  attachDeadline: deadline,
};
const expanding = [...ready, expansionStarted, attachRequested(['nic-1', 'nic-2'])];

describe('expanding a ready composition', () => {
  it('adds the group and asks the host to attach its devices', () => {
    expect(given(ready).when(expand)()).toEqual([
      expansionStarted,
      attachRequested(['nic-1', 'nic-2']),
    ]);
    expect(stateAfter(expanding).status).toBe('expanding');
  });

  it('names the fabric of a new device’s route in its fact and its intent', () => {
    const fabrics = { 'nic-2': 'ethernet-1' };
    expect(given(ready).when({ ...expand, fabrics })()).toEqual([
      { ...expansionStarted, fabrics },
      attachRequested(['nic-1', target('nic-2', 1, 'ethernet-1')]),
    ]);
  });

  it('is ready again, with the new group, once its devices are attached', () => {
    expect(given([...expanding, attached('nic-1')]).when(observed(attachedOk('nic-2')))()).toEqual([
      attached('nic-2'),
      { fact: 'Expanded', group: 'nics' },
    ]);
    const after = stateAfter([
      ...expanding,
      attached('nic-1'),
      attached('nic-2'),
      { fact: 'Expanded', group: 'nics' },
    ]);
    expect(after.status === 'ready' && groupsOf(after).map(({ name }) => name)).toEqual([
      'gpus',
      'scratch',
      'nics',
    ]);
  });

  it('is abandoned when a device fails to attach, leaving the composition as it was', () => {
    const history = [...expanding, attached('nic-1')];
    const failed = observed(attachFailed('nic-2', 'no port'));
    const reason = 'device "nic-2" failed to attach: no port';
    const facts = given(history).when(failed)();
    expect(facts).toEqual([
      { fact: 'DeviceAttachFailed', deviceId: 'nic-2', detail: 'no port' },
      detachRequested('nic-1', `rollback: ${reason}`),
      { fact: 'ReservationReleased', reservationId: 'r-2' },
      { fact: 'ExpansionAbandoned', group: 'nics', reason },
    ]);
    const after = stateAfter([...history, ...facts]);
    expect(after.status === 'ready' && groupsOf(after)).toHaveLength(2);
  });

  it('is abandoned when its deadline passes', () => {
    const reason = `attach deadline ${deadline} passed before nic-1, nic-2 attached`;
    expect(given(expanding).when({ command: 'CheckDeadline' }, afterDeadline)()).toEqual([
      { fact: 'AttachDeadlinePassed', deadline, pendingDeviceIds: ['nic-1', 'nic-2'] },
      detachRequested(['nic-1', 'nic-2'], `rollback: ${reason}`),
      { fact: 'ReservationReleased', reservationId: 'r-2' },
      { fact: 'ExpansionAbandoned', group: 'nics', reason },
    ]);
  });

  it('changes nothing when repeated, and refuses a second group of the same name or a wrong count', () => {
    expect(given(expanding).when(expand)()).toEqual([]);
    expect(given(ready).when({ ...expand, group: { ...nics, name: 'gpus' } })).toThrow(
      'group.name: "gpus" is already a group of this composition',
    );
    expect(given(ready).when({ ...expand, deviceIds: ['nic-1'] })).toThrow(
      'deviceIds: must name 2 devices',
    );
    expect(given(ready).when({ ...expand, deviceIds: ['gpu-1', 'nic-2'] })).toThrow(
      'deviceIds: "gpu-1" is already a device of composition "c-1"',
    );
    expect(
      given(ready).when({
        ...expand,
        group: { ...nics, kind: 'tape' } as unknown as DeviceGroupSpec,
      }),
    ).toThrow(CompositionSpecInvalidError);
  });

  it('refuses to expand a composition that is not ready', () => {
    expect(given(attaching).when(expand)).toThrow(
      new InvalidTransitionError('c-1', 'attaching', 'Expand'),
    );
    expect(given(expanding).when({ ...expand, reservationId: 'r-3' })).toThrow(
      new InvalidTransitionError('c-1', 'expanding', 'Expand'),
    );
  });
});

describe('shrinking a ready composition', () => {
  const shrink = { command: 'Shrink', deviceIds: ['gpu-2', 'nvme-1'] } as const;
  const shrinking = [
    ...ready,
    { fact: 'ShrinkStarted', deviceIds: ['gpu-2', 'nvme-1'] } as const,
    detachRequested(['gpu-2', 'nvme-1'], 'shrink'),
  ];

  it('asks the host to detach the devices', () => {
    expect(given(ready).when(shrink)()).toEqual(shrinking.slice(ready.length));
    expect(stateAfter(shrinking).status).toBe('shrinking');
  });

  it('is ready again once every detach is observed', () => {
    const { when } = given([...shrinking, detached('gpu-2')]);
    expect(when(detachObserved('nvme-1'))()).toEqual([
      detached('nvme-1'),
      { fact: 'Shrunk', deviceIds: ['gpu-2', 'nvme-1'] },
    ]);
    const after = stateAfter([
      ...shrinking,
      detached('gpu-2'),
      detached('nvme-1'),
      { fact: 'Shrunk', deviceIds: ['gpu-2', 'nvme-1'] },
    ]);
    expect(after.status === 'ready' && after.bindings.map(({ deviceId }) => deviceId)).toEqual([
      'gpu-1',
    ]);
  });

  it('changes nothing when repeated, and refuses devices it does not hold or all of them', () => {
    expect(given(shrinking).when({ command: 'Shrink', deviceIds: ['nvme-1', 'gpu-2'] })()).toEqual(
      [],
    );
    expect(given(ready).when({ command: 'Shrink', deviceIds: ['gpu-7'] })).toThrow(
      'deviceIds: "gpu-7" is not attached to composition "c-1"',
    );
    expect(
      given(ready).when({ command: 'Shrink', deviceIds: ['gpu-1', 'gpu-2', 'nvme-1'] }),
    ).toThrow('deviceIds: would leave no device: decompose the composition instead');
    expect(given(ready).when({ command: 'Shrink', deviceIds: [] })).toThrow(
      'deviceIds: must name at least one device',
    );
    expect(given(attaching).when(shrink)).toThrow(
      new InvalidTransitionError('c-1', 'attaching', 'Shrink'),
    );
  });
});
