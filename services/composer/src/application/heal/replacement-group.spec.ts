import {
  absentComposition,
  type CompositionSpec,
  type CompositionState,
  decideComposition,
  evolveComposition,
  scheduler,
} from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { device, host } from '../../test-support/composer-fixture.js';
import { replacementGroup } from './replacement-group.js';

const now = new Date('2026-01-05T10:00:00.000Z');

/** A composition scheduled on h1 with `gpus` g1 and g2 (whatever the spec's constraints). */
function scheduledWith(constraints: { sameSwitchAs?: 'group' | 'host' }): CompositionState {
  const spec: CompositionSpec = {
    name: 'p2p-trainer',
    tenant: 'research',
    host: { hostId: 'h1' },
    groups: [{ name: 'gpus', kind: 'gpu', count: 2, constraints }],
    healing: { replaceFailed: true },
  };
  let state: CompositionState = absentComposition;
  const apply = (command: Parameters<typeof decideComposition>[0]) => {
    const composition = state;
    for (const fact of decideComposition(command, composition, now)) {
      state = evolveComposition(state, fact);
    }
  };
  apply({ command: 'Request', id: 'c-1', spec, idempotencyKey: 'k-1', requestedBy: 'alice' });
  apply({
    command: 'Schedule',
    assignment: { hostId: 'h1', groups: [{ group: 'gpus', deviceIds: ['g1', 'g2'] }] },
    reservationId: 'r-1',
    attachDeadline: '2026-01-05T10:05:00.000Z',
  });
  return state;
}

/** h1 reaches g1, g2 and g4 below leaf-a (two hops) and g3 below leaf-b (one hop: nearer). */
function fabric(): scheduler.CandidateIndex {
  const index = new scheduler.CandidateIndex();
  index.upsertHost(host('h1'));
  for (const id of ['g1', 'g2', 'g3', 'g4']) index.upsertDevice(device(id));
  index.setRoutes('h1', [
    { deviceId: 'g1', hops: 2, switchPath: ['spine', 'leaf-a'] },
    { deviceId: 'g2', hops: 2, switchPath: ['spine', 'leaf-a'] },
    { deviceId: 'g3', hops: 1, switchPath: ['leaf-b'] },
    { deviceId: 'g4', hops: 2, switchPath: ['spine', 'leaf-a'] },
  ]);
  index.setAllocations('g1', 1);
  index.setAllocations('g2', 1);
  return index;
}

function chosenReplacement(composition: CompositionState, index: scheduler.CandidateIndex) {
  if (composition.status === 'absent') throw new Error('absent');
  const request: scheduler.SchedulingRequest = {
    tenant: 'research',
    host: { hostId: 'h1' },
    groups: [replacementGroup(composition, 'g1', index)],
  };
  const outcome = scheduler.preview(request, index, scheduler.defaultSchedulerConfig);
  return outcome.outcome === 'scheduled' ? outcome.groups[0]?.deviceIds : outcome.outcome;
}

describe('the group a replacement is chosen for', () => {
  it('joins the switch the group’s kept devices hang from when it asks for one switch', () => {
    const index = fabric();
    const composition = scheduledWith({ sameSwitchAs: 'group' });
    if (composition.status === 'absent') throw new Error('absent');
    expect(replacementGroup(composition, 'g1', index).constraints).toMatchObject({
      sameSwitchAs: 'group',
      underSwitch: 'leaf-a',
    });
    expect(chosenReplacement(composition, index)).toEqual(['g4']);

    index.setAllocations('g4', 1);
    expect(chosenReplacement(composition, index)).toBe('unschedulable');
  });

  it('takes the best device anywhere the host reaches when the group does not ask', () => {
    const index = fabric();
    const composition = scheduledWith({});
    if (composition.status === 'absent') throw new Error('absent');
    expect(replacementGroup(composition, 'g1', index).constraints?.underSwitch).toBeUndefined();
    expect(chosenReplacement(composition, index)).toEqual(['g3']);
  });
});
