import { describe, expect, it } from 'vitest';
import {
  absentItem,
  type DeviceSpec,
  effectiveLabels,
  evolveItem,
  type ItemFact,
  type ItemState,
  lifecycleOf,
  type SourceRef,
  sourceReportReason,
} from '@tessera/hardware';
import { decideItem } from './decide-item.js';
import type { ItemCommand } from './item-commands.js';

const manifest: SourceRef = { kind: 'manifest', id: 'lab' };
const redfish: SourceRef = { kind: 'redfish', id: 'bmc-7' };

const gpu: DeviceSpec = {
  id: 'gpu-1',
  kind: 'gpu',
  vendor: 'NVIDIA',
  model: 'H100',
  serial: 'S1',
  attributes: { memoryGiB: 80, pcieGeneration: 5, pcieLanes: 16 },
  enclosureId: 'chassis-1',
  attachments: [{ fabricId: 'pcie-1', endpointId: 'ep-gpu-1' }],
  maxCompositions: 1,
  health: 'ok',
};

/** given these facts, when this command: the facts decided (or the error thrown). */
function given(facts: ItemFact<'device'>[]) {
  const state = facts.reduce<ItemState<'device'>>(evolveItem, absentItem);
  return {
    state,
    when: (command: ItemCommand<'device'>) => () => decideItem('device', 'gpu-1', command, state),
  };
}

const registered: ItemFact<'device'> = { fact: 'Registered', spec: gpu, source: manifest };

describe('a hardware item (device)', () => {
  it('is registered by the first observation, with the health its source reported', () => {
    expect(given([]).when({ command: 'Observe', spec: gpu, source: manifest })()).toEqual([
      registered,
    ]);
    const { state } = given([registered]);
    expect(state.status === 'present' && lifecycleOf(state)).toBe('available');
  });

  it('stays discovered until anyone reports its health, unless a manifest declared it', () => {
    const { health: _health, ...unknownHealth } = gpu;
    const { state } = given([{ fact: 'Registered', spec: unknownHealth, source: redfish }]);
    expect(state.status === 'present' && lifecycleOf(state)).toBe('discovered');
    const declared = given([{ fact: 'Registered', spec: unknownHealth, source: manifest }]).state;
    expect(declared.status === 'present' && lifecycleOf(declared)).toBe('available');
  });

  it('changes nothing when observed again unchanged, even with keys in another order', () => {
    const reordered: DeviceSpec = JSON.parse(JSON.stringify({ ...gpu, kind: 'gpu' })) as DeviceSpec;
    expect(
      given([registered]).when({ command: 'Observe', spec: reordered, source: manifest })(),
    ).toEqual([]);
  });

  it('records a changed spec, and a changed reported health as its own fact', () => {
    const updated: DeviceSpec = { ...gpu, firmware: '2.1', health: 'warning' };
    expect(
      given([registered]).when({ command: 'Observe', spec: updated, source: manifest })(),
    ).toEqual([
      { fact: 'SpecUpdated', spec: updated },
      { fact: 'HealthSet', health: 'warning', reason: sourceReportReason },
    ]);
  });

  it('keeps an operator-set health when its source repeats an unchanged report', () => {
    const operatorSaysCritical: ItemFact<'device'> = {
      fact: 'HealthSet',
      health: 'critical',
      reason: 'fans failing',
    };
    const { state, when } = given([registered, operatorSaysCritical]);
    expect(state.status === 'present' && lifecycleOf(state)).toBe('failed');
    expect(when({ command: 'Observe', spec: gpu, source: manifest })()).toEqual([]);
  });

  it('refuses a spec from a source that did not declare it, naming both sources', () => {
    expect(given([registered]).when({ command: 'Observe', spec: gpu, source: redfish })).toThrow(
      'device "gpu-1" was declared by manifest source "lab"; redfish source "bmc-7" cannot change it',
    );
  });

  it('goes missing when its source stops reporting it, and reappears when it reports it again', () => {
    const missing: ItemFact<'device'> = { fact: 'WentMissing', sourceId: 'lab' };
    expect(given([registered]).when({ command: 'MarkMissing', source: manifest })()).toEqual([
      missing,
    ]);
    expect(
      given([registered, missing]).when({ command: 'MarkMissing', source: manifest })(),
    ).toEqual([]);
    const { state, when } = given([registered, missing]);
    expect(state.status === 'present' && lifecycleOf(state)).toBe('missing');
    expect(when({ command: 'Observe', spec: gpu, source: manifest })()).toEqual([
      { fact: 'Reappeared', sourceId: 'lab' },
    ]);
  });

  it('is cordoned and uncordoned with a reason, idempotently', () => {
    const cordoned: ItemFact<'device'> = { fact: 'Cordoned', reason: 'firmware update' };
    expect(given([registered]).when({ command: 'Cordon', reason: ' firmware update ' })()).toEqual([
      cordoned,
    ]);
    expect(given([registered, cordoned]).when({ command: 'Cordon', reason: 'again' })()).toEqual(
      [],
    );
    const { state } = given([registered, cordoned]);
    expect(state.status === 'present' && lifecycleOf(state)).toBe('cordoned');
    expect(state.status === 'present' && lifecycleOf(state, 'attached')).toBe('attached');
    expect(given([registered, cordoned]).when({ command: 'Uncordon', reason: 'done' })()).toEqual([
      { fact: 'Uncordoned', reason: 'done' },
    ]);
    expect(given([registered]).when({ command: 'Uncordon', reason: 'done' })()).toEqual([]);
  });

  it('refuses a cordon without a reason', () => {
    expect(given([registered]).when({ command: 'Cordon', reason: '  ' })).toThrow(
      'reason: must not be empty',
    );
  });

  it('is retired for good: later commands are refused, observations ignored', () => {
    const retired: ItemFact<'device'> = { fact: 'Retired', reason: 'end of life' };
    const { state, when } = given([registered, retired]);
    expect(state.status === 'present' && lifecycleOf(state)).toBe('retired');
    expect(when({ command: 'Cordon', reason: 'x' })).toThrow('device "gpu-1" is retired');
    expect(
      when({ command: 'Observe', spec: { ...gpu, firmware: '9' }, source: manifest })(),
    ).toEqual([]);
    expect(when({ command: 'Retire', reason: 'again' })()).toEqual([]);
  });

  it('sets operator labels over the declared ones, and refuses a bad key naming it', () => {
    const labelled: DeviceSpec = { ...gpu, labels: { tier: 'gold', team: 'render' } };
    const { when } = given([{ fact: 'Registered', spec: labelled, source: manifest }]);
    const facts = when({ command: 'SetLabels', labels: { tier: 'silver' } })();
    expect(facts).toEqual([{ fact: 'LabelsSet', labels: { tier: 'silver' } }]);
    const after = given([{ fact: 'Registered', spec: labelled, source: manifest }, ...facts]).state;
    expect(after.status === 'present' && effectiveLabels(after)).toEqual({
      tier: 'silver',
      team: 'render',
    });
    expect(when({ command: 'SetLabels', labels: { 'bad key!': 'x' } })).toThrow(
      'labels["bad key!"]',
    );
  });

  it('refuses any command but an observation on an item it does not know', () => {
    expect(given([]).when({ command: 'Cordon', reason: 'x' })).toThrow(
      'no device with id "gpu-1" in the inventory',
    );
  });
});
