import { describe, expect, it } from 'vitest';
import { type ScoredCandidate } from '../framework.js';
import { candidate, device, groupContext } from '../test-support/pool.js';
import { sameSwitchPlugin } from './same-switch.js';

const scored = (id: string, switchPath: string[], score: number): ScoredCandidate => ({
  candidate: candidate(device(id), switchPath),
  score,
});
const ids = (placement: ReturnType<typeof sameSwitchPlugin.place>) =>
  placement.code === 'success' ? placement.candidates.map((s) => s.candidate.device.id) : placement;

describe('SameSwitch with the host', () => {
  const verdict = (switchPath: string[]) =>
    sameSwitchPlugin.filterDevice(
      candidate(device('g1'), switchPath),
      groupContext({ constraints: { sameSwitchAs: 'host' } }),
    );

  it('keeps local devices and devices on the host’s own switch', () => {
    expect(verdict([]).code).toBe('success');
    expect(verdict(['sw1']).code).toBe('success');
  });

  it('refuses a device behind a second switch', () => {
    expect(verdict(['sw1', 'sw2'])).toEqual({
      code: 'unschedulable',
      reason: 'crosses more than one switch from the host',
    });
  });

  it('does nothing when the group does not ask for it', () => {
    const far = candidate(device('g1'), ['sw1', 'sw2']);
    expect(sameSwitchPlugin.filterDevice(far, groupContext()).code).toBe('success');
  });
});

describe('SameSwitch below a given switch (a device joining a group)', () => {
  const verdict = (switchPath: string[]) =>
    sameSwitchPlugin.filterDevice(
      candidate(device('g1'), switchPath),
      groupContext({ count: 1, constraints: { sameSwitchAs: 'group', underSwitch: 'leaf-a' } }),
    );

  it('keeps only devices hanging from that switch, however far it is', () => {
    expect(verdict(['leaf-a']).code).toBe('success');
    expect(verdict(['spine', 'leaf-a']).code).toBe('success');
    expect(verdict(['leaf-b'])).toEqual({
      code: 'unschedulable',
      reason: 'not below the switch the group’s devices share',
    });
    expect(verdict(['leaf-a', 'leaf-b']).code).toBe('unschedulable');
    expect(verdict([]).code).toBe('unschedulable');
  });
});

describe('SameSwitch within the group', () => {
  const context = groupContext({ count: 2, constraints: { sameSwitchAs: 'group' } });

  it('keeps the switch whose best devices score highest, best first', () => {
    const candidates = [
      scored('a1', ['sw0', 'swA'], 90),
      scored('b1', ['sw0', 'swB'], 80),
      scored('b2', ['sw0', 'swB'], 70),
      scored('a2', ['sw0', 'swA'], 10),
      scored('c1', ['sw0', 'swC'], 60),
    ];
    expect(ids(sameSwitchPlugin.place(candidates, context))).toEqual(['b1', 'b2']);
  });

  it('breaks equal totals by switch id', () => {
    const candidates = [
      scored('b1', ['swB'], 50),
      scored('b2', ['swB'], 50),
      scored('a1', ['swA'], 50),
      scored('a2', ['swA'], 50),
    ];
    expect(ids(sameSwitchPlugin.place(candidates, context))).toEqual(['a1', 'a2']);
  });

  it('is unschedulable when no switch has enough devices', () => {
    const candidates = [scored('a1', ['swA'], 50), scored('b1', ['swB'], 50)];
    expect(sameSwitchPlugin.place(candidates, context)).toEqual({
      code: 'unschedulable',
      reason: 'no switch has 2 matching gpu below it (at most 1)',
    });
  });
});
