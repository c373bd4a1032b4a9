import { describe, expect, it } from 'vitest';
import { type SchedulingRequest } from '../scheduling-request.js';
import { host } from '../test-support/pool.js';
import { CandidateIndex } from '../candidate-index.js';
import { hostSelectorPlugin } from './host-selector.js';

const cycle = (wanted: SchedulingRequest['host']) => ({
  request: { tenant: 'acme', host: wanted, groups: [] },
  index: new CandidateIndex(),
});

describe('HostSelector', () => {
  it('accepts only the named host when the request names one', () => {
    expect(hostSelectorPlugin.filterHost(host('h1'), cycle({ hostId: 'h1' })).code).toBe('success');
    expect(hostSelectorPlugin.filterHost(host('h2'), cycle({ hostId: 'h1' }))).toEqual({
      code: 'unschedulable',
      reason: 'not host h1',
    });
  });

  it('applies minimum cores and memory, labels, site and rack', () => {
    const selector = {
      minCores: 48,
      minMemoryGiB: 256,
      labels: { tier: 'gold' },
      site: 's1',
      rack: 'r1',
    };
    const gold = host('h1', { labels: { tier: 'gold' } });
    expect(hostSelectorPlugin.filterHost(gold, cycle({ selector })).code).toBe('success');
    const refusals = [
      host('h1', { labels: { tier: 'gold' }, cores: 32 }),
      host('h1', { labels: { tier: 'gold' }, memoryGiB: 128 }),
      host('h1', { labels: { tier: 'silver' } }),
      host('h1', { labels: { tier: 'gold' }, siteId: 's2' }),
      host('h1', { labels: { tier: 'gold' }, rackId: 'r2' }),
    ].map((h) => hostSelectorPlugin.filterHost(h, cycle({ selector })));
    expect(refusals.map((s) => (s.code === 'unschedulable' ? s.reason : s.code))).toEqual([
      'fewer than 48 cores',
      'less than 256 GiB of memory',
      'labels do not match',
      'not in site s1',
      'not in rack r1',
    ]);
  });

  it('never matches a minimum on a host that does not report it', () => {
    const unknown = host('h1', { cores: undefined });
    expect(hostSelectorPlugin.filterHost(unknown, cycle({ selector: { minCores: 1 } })).code).toBe(
      'unschedulable',
    );
  });
});
