import {
  type LeaseFact,
  type LeaseFactName,
  leaseEventOf,
  leaseFactNames,
  type TemplateFact,
  type TemplateFactName,
  templateEventOf,
  templateFactNames,
} from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { codecOf, withoutDefaults } from './test-support/proto-json.js';

const at = '2030-01-02T03:04:05.678Z';

/** A sample of every template fact, with every field set (a missing key fails to compile). */
const templateSamples: { [N in TemplateFactName]: Extract<TemplateFact, { fact: N }> } = {
  Defined: {
    fact: 'Defined',
    name: 'gpu-node',
    description: 'GPUs on h1',
    parameters: [
      { name: 'gpus', type: 'number', description: 'how many', default: 2, min: 1, max: 8 },
      { name: 'tier', type: 'string', allowed: ['gold', 'silver'] },
      { name: 'heal', type: 'boolean', default: true },
    ],
    body: {
      tenant: 'finance',
      host: { hostId: 'h1' },
      groups: [{ name: 'gpus', kind: 'gpu', count: '${gpus}' }],
    },
    version: 3,
    definedBy: 'user:alice',
    definedAt: at,
  },
  Retired: { fact: 'Retired', reason: 'replaced', retiredBy: 'user:bob', retiredAt: at },
};

const held = [{ hostId: 'h1', groups: [{ group: 'gpus', deviceIds: ['g1', 'g2'] }] }];

/** A sample of every lease fact, with every field set (a missing key fails to compile). */
const leaseSamples: { [N in LeaseFactName]: Extract<LeaseFact, { fact: N }> } = {
  Requested: {
    fact: 'Requested',
    id: 'l1',
    tenant: 'finance',
    name: 'year-end',
    spec: {
      name: 'year-end',
      tenant: 'finance',
      labels: { team: 'quant' },
      host: { hostId: 'h1' },
      groups: [{ name: 'gpus', kind: 'gpu', count: 2 }],
      priority: 100,
      template: { name: 'gpu-node', version: '3', parameters: { gpus: 2, heal: true } },
    },
    count: 8,
    start: '2030-12-28T00:00:00.000Z',
    end: '2031-01-03T00:00:00.000Z',
    requestedBy: 'user:alice',
    requestedAt: at,
    idempotencyKey: 'year-end-2030',
  },
  Admitted: { fact: 'Admitted', held },
  Rejected: {
    fact: 'Rejected',
    reason: 'not enough gpu',
    shortfalls: [{ composition: 1, group: 'gpus', why: 'needs 2 gpu, 1 free' }],
  },
  Started: { fact: 'Started', compositionIds: ['l1-1', 'l1-2'] },
  EndingSoon: { fact: 'EndingSoon', endsAt: at },
  Ended: { fact: 'Ended', compositionIds: ['l1-1', 'l1-2'] },
  Cancelled: { fact: 'Cancelled', reason: 'plans changed' },
};

/** The event's data after a round trip through the store's JSON, then through its message. */
function roundTrip(type: string, data: unknown): { stored: unknown; decoded: unknown } {
  const codec = codecOf(type.replace('tessera.composer.v1.', ''));
  if (codec === undefined) throw new Error(`no message for ${type}`);
  const stored: unknown = JSON.parse(JSON.stringify(data));
  return { stored: withoutDefaults(stored), decoded: codec.toJSON(codec.fromJSON(stored)) };
}

describe('the payloads of template and lease events in proto/', () => {
  it.each(templateFactNames)('decodes a stored Template%s and encodes it back equal', (name) => {
    const event = templateEventOf('gpu-node', templateSamples[name]);
    expect(event.type).toBe(`tessera.composer.v1.Template${name}`);
    const { stored, decoded } = roundTrip(event.type, event.data);
    expect(decoded).toEqual(stored);
  });

  it.each(leaseFactNames)('decodes a stored Lease%s and encodes it back equal', (name) => {
    const event = leaseEventOf('l1', leaseSamples[name]);
    expect(event.type).toBe(`tessera.composer.v1.Lease${name}`);
    const { stored, decoded } = roundTrip(event.type, event.data);
    expect(decoded).toEqual(stored);
  });
});
