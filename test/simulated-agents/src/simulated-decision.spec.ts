import { describe, expect, it } from 'vitest';
import { InvalidResponderOptionsError } from './responder-errors.js';
import {
  type AttachIntent,
  assertValidBehaviour,
  decideAttach,
  decideDetach,
  type SimulatedBehaviour,
} from './simulated-decision.js';

const behaviour: SimulatedBehaviour = {
  latencyMs: { min: 20, max: 80 },
  failureRate: 0.25,
  seed: 7,
};
const before = new Date('2026-11-23T08:00:00Z');

function attach(index: number, attempt = 1): AttachIntent {
  return {
    compositionId: `composition-${String(index % 17)}`,
    hostId: `host-${String(index % 5)}`,
    deviceId: `device-${String(index)}`,
    attempt,
    deadline: '2026-11-23T09:00:00Z',
    fabricId: 'pcie-a',
  };
}

const intents = Array.from({ length: 2_000 }, (_, index) => attach(index));

describe('simulated attach decisions', () => {
  it('fail at the configured rate, within 3 points over 2000 intents', () => {
    const failed = intents.filter(
      (intent) => decideAttach(intent, behaviour, before).outcome === 'failed',
    ).length;
    expect(failed / intents.length).toBeGreaterThan(0.22);
    expect(failed / intents.length).toBeLessThan(0.28);
  });

  it('never fail at rate 0 and always fail at rate 1', () => {
    const outcomes = (failureRate: number) =>
      new Set(
        intents.map(
          (intent) => decideAttach(intent, { ...behaviour, failureRate }, before).outcome,
        ),
      );
    expect(outcomes(0)).toEqual(new Set(['attached']));
    expect(outcomes(1)).toEqual(new Set(['failed']));
  });

  it('take a latency within bounds that covers the range', () => {
    const latencies = intents.map((intent) => decideAttach(intent, behaviour, before).latencyMs);
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(80);
    expect(Math.min(...latencies)).toBeLessThan(25);
    expect(Math.max(...latencies)).toBeGreaterThan(75);
  });

  it('answer the same intent the same way, and another seed or attempt differently', () => {
    const answers = (seed: number, attempt: number) =>
      intents.map((intent) => decideAttach({ ...intent, attempt }, { ...behaviour, seed }, before));
    expect(answers(7, 1)).toEqual(answers(7, 1));
    expect(answers(8, 1)).not.toEqual(answers(7, 1));
    expect(answers(7, 2)).not.toEqual(answers(7, 1));
  });

  it('fail an intent received after its deadline, at once and without attaching', () => {
    const late = new Date('2026-11-23T09:00:00.001Z');
    expect(decideAttach(attach(1), { ...behaviour, failureRate: 0 }, late)).toEqual({
      outcome: 'failed',
      detail: 'deadline 2026-11-23T09:00:00Z passed before the agent acted',
      latencyMs: 0,
    });
  });

  it('name the fabric of a successful attach', () => {
    expect(decideAttach(attach(3), { ...behaviour, failureRate: 0 }, before).detail).toBe(
      'simulated attach through pcie-a',
    );
  });
});

describe('simulated detach decisions', () => {
  it('always detach, after a latency within bounds', () => {
    for (const [index, intent] of intents.entries()) {
      const decision = decideDetach(
        { ...intent, reason: `r${String(index)}` },
        { ...behaviour, failureRate: 1 },
      );
      expect(decision.detail).toBe('simulated detach');
      expect(decision.latencyMs).toBeGreaterThanOrEqual(20);
      expect(decision.latencyMs).toBeLessThanOrEqual(80);
    }
  });
});

describe('behaviour validation', () => {
  it('names every problem', () => {
    const check = () => {
      assertValidBehaviour({ latencyMs: { min: -1, max: -2 }, failureRate: 1.5, seed: 0.5 });
    };
    expect(check).toThrow(InvalidResponderOptionsError);
    expect(check).toThrow(
      'invalid simulated agent options: latencyMs.min must be a number >= 0, got -1; ' +
        'latencyMs.max must be >= latencyMs.min, got -2; failureRate must be within 0..1, got 1.5; ' +
        'seed must be an integer, got 0.5',
    );
  });

  it('accepts a fixed latency and the extreme rates', () => {
    expect(() => {
      assertValidBehaviour({ latencyMs: { min: 5, max: 5 }, failureRate: 1, seed: 0 });
    }).not.toThrow();
  });
});
