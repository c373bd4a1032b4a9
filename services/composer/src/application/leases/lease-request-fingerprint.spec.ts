import type { Lease } from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { leaseRequestFingerprint } from './lease-request-fingerprint.js';

const lease: Lease = {
  status: 'requested',
  id: 'l-1',
  tenant: 'finance',
  name: 'quarter-end',
  spec: {
    name: 'node',
    tenant: 'finance',
    host: { hostId: 'h1' },
    groups: [{ name: 'gpus', kind: 'gpu', count: 2 }],
  },
  count: 2,
  start: '2030-12-28T00:00:00.000Z',
  end: '2031-01-03T00:00:00.000Z',
  held: [],
  compositionIds: [],
  warned: false,
};

describe('leaseRequestFingerprint', () => {
  it('ignores the lease id, its progress and the order of fields', () => {
    const reordered = {
      ...lease,
      id: 'l-2',
      status: 'admitted',
      spec: { groups: lease.spec.groups, host: { hostId: 'h1' }, tenant: 'finance', name: 'node' },
    } as Lease;
    expect(leaseRequestFingerprint(reordered)).toBe(leaseRequestFingerprint(lease));
  });

  it('differs when the count, window or spec differs', () => {
    const base = leaseRequestFingerprint(lease);
    expect(leaseRequestFingerprint({ ...lease, count: 3 })).not.toBe(base);
    expect(leaseRequestFingerprint({ ...lease, end: '2031-01-04T00:00:00.000Z' })).not.toBe(base);
    const oneGpu = { ...lease.spec, groups: [{ name: 'gpus', kind: 'gpu' as const, count: 1 }] };
    expect(leaseRequestFingerprint({ ...lease, spec: oneGpu })).not.toBe(base);
  });
});
