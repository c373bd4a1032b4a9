import { describe, expect, it } from 'vitest';
import { InvalidCompositionCommandError, InvalidTransitionError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import {
  attached,
  attachedOk,
  attaching,
  detached,
  detachObserved,
  attachRequested,
  detachRequested,
  devices,
  given,
  observed,
  ready,
  requested,
  schedule,
  scheduled,
  stateAfter,
} from './test-support/composition-fixtures.js';

const decompose = { command: 'Decompose', reason: 'quarter closed', requestedBy: 'alice' } as const;
const decomposeRequested: CompositionFact = {
  fact: 'DecomposeRequested',
  reason: 'quarter closed',
  requestedBy: 'alice',
};
const decomposedDetach = detachRequested(devices, 'decomposed: quarter closed');
const decomposing = [...ready, decomposeRequested, decomposedDetach];

describe('decomposing a composition', () => {
  it('asks the host to detach every device of a ready composition', () => {
    expect(given(ready).when(decompose)()).toEqual([decomposeRequested, decomposedDetach]);
    expect(stateAfter(decomposing).status).toBe('decomposing');
  });

  it('is decomposed once every detach is observed', () => {
    const { when } = given(decomposing);
    expect(when(detachObserved('gpu-1'))()).toEqual([detached('gpu-1')]);
    expect(given([...decomposing, detached('gpu-1')]).when(detachObserved('gpu-2'))()).toEqual([
      detached('gpu-2'),
    ]);
    const lastOne = [...decomposing, detached('gpu-1'), detached('gpu-2')];
    expect(given(lastOne).when(detachObserved('nvme-1'))()).toEqual([
      detached('nvme-1'),
      { fact: 'Decomposed' },
    ]);
    expect(stateAfter([...lastOne, detached('nvme-1'), { fact: 'Decomposed' }])).toMatchObject({
      status: 'decomposed',
      bindings: [],
    });
  });

  it('records the devices one observation reports detached together', () => {
    expect(given(decomposing).when(detachObserved(...devices, 'gpu-1'))()).toEqual([
      detached(...devices),
      { fact: 'Decomposed' },
    ]);
  });

  it('changes nothing when repeated, while decomposing or after', () => {
    expect(given(decomposing).when(decompose)()).toEqual([]);
    const done = [...decomposing, detached(...devices), { fact: 'Decomposed' } as const];
    expect(given(done).when({ ...decompose, reason: 'again' })()).toEqual([]);
  });

  it('ends at once when nothing is on the host yet', () => {
    expect(given([requested]).when(decompose)()).toEqual([
      decomposeRequested,
      { fact: 'Decomposed' },
    ]);
    expect(given([requested, scheduled]).when(decompose)()).toEqual([
      decomposeRequested,
      { fact: 'Decomposed' },
    ]);
  });

  it('detaches devices still attaching, and ignores their late attach', () => {
    const history = [...attaching, attached('gpu-1')];
    const facts = given(history).when(decompose)();
    expect(facts).toEqual([decomposeRequested, decomposedDetach]);
    const { when } = given([...history, ...facts]);
    expect(when(observed(attachedOk('gpu-2')))()).toEqual([]);
  });

  it('waits for the detaches a failed attempt left behind', () => {
    const failedWithLeftovers: CompositionFact[] = [
      { ...requested, maxReschedules: 0 } as CompositionFact,
      scheduled,
      attachRequested(devices),
      attached('gpu-1'),
      { fact: 'DeviceAttachFailed', deviceId: 'gpu-2', detail: 'link down' },
      detachRequested(['gpu-1', 'nvme-1'], 'rollback: gave up'),
      { fact: 'ReservationReleased', reservationId: 'r-1' },
      { fact: 'Failed', reason: 'gave up', unschedulable: [] },
    ];
    const facts = given(failedWithLeftovers).when(decompose)();
    expect(facts).toEqual([decomposeRequested]);
    const history = [...failedWithLeftovers, ...facts, detached('gpu-1')];
    expect(given(history).when(detachObserved('nvme-1'))()).toEqual([
      detached('nvme-1'),
      { fact: 'Decomposed' },
    ]);
  });

  it('ignores a detachment nobody asked for or observed twice', () => {
    expect(given(ready).when(detachObserved('gpu-1'))()).toEqual([]);
    expect(given([...decomposing, detached('gpu-1')]).when(detachObserved('gpu-1'))()).toEqual([]);
  });

  it('needs a reason and who asks', () => {
    expect(given(ready).when({ ...decompose, reason: '  ' })).toThrow(
      new InvalidCompositionCommandError('reason', 'must not be empty'),
    );
  });

  it('refuses to change a decomposed composition', () => {
    const done = [...decomposing, detached(...devices), { fact: 'Decomposed' } as const];
    expect(given(done).when({ command: 'Shrink', deviceIds: ['gpu-1'] })).toThrow(
      new InvalidTransitionError('c-1', 'decomposed', 'Shrink'),
    );
    expect(given(done).when({ ...schedule, reservationId: 'r-9' })).toThrow(
      'composition "c-1" is decomposed: it cannot take Schedule',
    );
  });
});
