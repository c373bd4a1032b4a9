import type { CompositionFact } from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { RecentCompositions } from './recent-compositions.js';

const requested = (id: string): CompositionFact => ({
  fact: 'Requested',
  id,
  spec: { name: id, tenant: 't', host: { hostId: 'h1' }, groups: [] },
  idempotencyKey: `key-${id}`,
  requestedBy: 'alice',
  maxReschedules: 3,
  requestedAt: '2030-01-01T00:00:00.000Z',
});
const failed: CompositionFact = { fact: 'Failed', reason: 'r', unschedulable: [] };

describe('RecentCompositions', () => {
  it('follows the appends it is told of from the version it knows', () => {
    const recent = new RecentCompositions(10);
    recent.appended('c1', [requested('c1')], 0);
    expect(recent.get('c1')).toMatchObject({ version: 1, state: { status: 'requested' } });
    recent.appended('c1', [failed], 1);
    expect(recent.get('c1')).toMatchObject({ version: 2, state: { status: 'failed' } });
  });

  it('forgets a composition appended at a version it does not know', () => {
    const recent = new RecentCompositions(10);
    recent.appended('c1', [requested('c1')], 0);
    recent.appended('c1', [failed], 5);
    expect(recent.get('c1')).toBeUndefined();
    recent.appended('c2', [failed], 3);
    expect(recent.get('c2')).toBeUndefined();
  });

  it('keeps the latest used compositions up to its capacity', () => {
    const recent = new RecentCompositions(2);
    for (const id of ['c1', 'c2']) recent.appended(id, [requested(id)], 0);
    expect(recent.get('c1')).toBeDefined();
    recent.appended('c3', [requested('c3')], 0);
    expect(recent.get('c2')).toBeUndefined();
    expect(recent.get('c1')).toBeDefined();
    expect(recent.get('c3')).toBeDefined();
    recent.forget('c3');
    expect(recent.get('c3')).toBeUndefined();
  });
});
