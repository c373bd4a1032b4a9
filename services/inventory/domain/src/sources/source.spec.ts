import { describe, expect, it } from 'vitest';
import { decideSource, evolveSource } from './decide-source.js';
import { absentSource, type SourceFact, type SourceState } from './source-model.js';

const spec = { id: 'bmc-7', url: 'https://10.0.0.7', intervalSeconds: 60 };
const counts = { registered: 3, updated: 0, missing: 0, unchanged: 0 };

function given(facts: SourceFact[]): SourceState {
  return facts.reduce(evolveSource, absentSource);
}

describe('a Redfish discovery source', () => {
  it('is registered once; registering it again unchanged changes nothing', () => {
    expect(decideSource('bmc-7', { command: 'Register', spec }, absentSource)).toEqual([
      { fact: 'Registered', spec },
    ]);
    const state = given([{ fact: 'Registered', spec }]);
    expect(decideSource('bmc-7', { command: 'Register', spec }, state)).toEqual([]);
    expect(
      decideSource(
        'bmc-7',
        { command: 'Register', spec: { ...spec, intervalSeconds: 120 } },
        state,
      ),
    ).toEqual([{ fact: 'IntervalChanged', intervalSeconds: 120 }]);
    expect(() =>
      decideSource(
        'bmc-7',
        { command: 'Register', spec: { ...spec, url: 'https://10.0.0.8' } },
        state,
      ),
    ).toThrow('exists already');
  });

  it('refuses a bad URL, id or interval, naming the field', () => {
    const register = (overrides: object) => () =>
      decideSource('bmc-7', { command: 'Register', spec: { ...spec, ...overrides } }, absentSource);
    expect(register({ url: 'not a url' })).toThrow('url: "not a url" is not a URL');
    expect(register({ url: 'ftp://x' })).toThrow('url: must be an http or https URL');
    expect(register({ intervalSeconds: 1 })).toThrow('intervalSeconds: must be an integer');
    expect(() =>
      decideSource('BMC 7', { command: 'Register', spec: { ...spec, id: 'BMC 7' } }, absentSource),
    ).toThrow('id: must be');
  });

  it('stops answering once per outage and answers again on the next good sync', () => {
    const registered = given([{ fact: 'Registered', spec }]);
    const failure = decideSource(
      'bmc-7',
      { command: 'RecordFailure', error: 'timeout' },
      registered,
    );
    expect(failure).toEqual([{ fact: 'StoppedAnswering', error: 'timeout' }]);
    const down = given([{ fact: 'Registered', spec }, ...failure]);
    expect(decideSource('bmc-7', { command: 'RecordFailure', error: 'again' }, down)).toEqual([]);
    expect(decideSource('bmc-7', { command: 'RecordSync', counts }, down)).toEqual([
      { fact: 'AnsweringAgain' },
      { fact: 'Synced', counts },
    ]);
  });

  it('is removed idempotently, and unknown afterwards', () => {
    const removed = given([
      { fact: 'Registered', spec },
      { fact: 'Removed', reason: 'decommissioned' },
    ]);
    expect(decideSource('bmc-7', { command: 'Remove', reason: 'x' }, removed)).toEqual([]);
    expect(() => decideSource('bmc-7', { command: 'RecordSync', counts }, removed)).toThrow(
      'no discovery source with id "bmc-7"',
    );
  });
});
