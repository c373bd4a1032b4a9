import {
  type CompositionFact,
  type CompositionFactName,
  compositionEventOf,
  compositionEventSchemaVersion,
  compositionFactNames,
} from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { codecOf, withoutDefaults } from './test-support/proto-json.js';

const at = '2030-01-02T03:04:05.678Z';

/** At least one sample of every fact, with every field set (a missing key fails to compile). */
const samples: { [N in CompositionFactName]: readonly Extract<CompositionFact, { fact: N }>[] } = {
  Requested: [
    {
      fact: 'Requested',
      id: 'c1',
      spec: {
        name: 'trainer',
        tenant: 'finance',
        labels: { team: 'ml' },
        host: {
          selector: {
            minCores: 32,
            minMemoryGiB: 256.5,
            labels: { zone: 'a' },
            site: 's1',
            rack: 'r2',
          },
        },
        groups: [
          {
            name: 'gpus',
            kind: 'gpu',
            count: 2,
            selectors: [
              { attribute: 'memoryGiB', op: '>=', value: 40 },
              { field: 'vendor', op: 'in', values: ['nvidia', 'amd'] },
            ],
            labels: { tier: 'a100' },
            constraints: {
              sameSwitchAs: 'host',
              maxHops: 2,
              spreadAcross: 'rack',
              allowShared: true,
            },
            alternatives: [{ kind: 'accelerator', count: 4, labels: { tier: 'b' } }],
          },
        ],
        healing: { replaceFailed: true },
        priority: 100,
        template: {
          name: 'finance-node',
          version: '3',
          parameters: { gpus: 2, fast: true, site: 's1' },
        },
      },
      idempotencyKey: 'k1',
      requestedBy: 'user:alice',
      maxReschedules: 3,
      requestedAt: at,
      leaseId: 'lease-9',
    },
    {
      fact: 'Requested',
      id: 'c2',
      spec: {
        name: 'db',
        tenant: 'ops',
        host: { hostId: 'h1' },
        groups: [{ name: 'disks', kind: 'nvme', count: 1 }],
        healing: { replaceFailed: false },
        priority: 7,
      },
      idempotencyKey: 'k2',
      requestedBy: 'anonymous',
      maxReschedules: 1,
      requestedAt: at,
    },
  ],
  Scheduled: [
    {
      fact: 'Scheduled',
      hostId: 'h1',
      groups: [{ group: 'gpus', deviceIds: ['g1', 'g2'] }],
      reservationId: 'r1',
      attachDeadline: at,
      fabrics: { g1: 'pcie-a', g2: 'pcie-a' },
    },
  ],
  AttachRequested: [
    {
      fact: 'AttachRequested',
      hostId: 'h1',
      devices: [
        { deviceId: 'g1', attempt: 2, fabricId: 'f1' },
        { deviceId: 'g2', attempt: 1, fabricId: 'f1' },
      ],
      deadline: at,
    },
  ],
  DeviceAttached: [
    {
      fact: 'DeviceAttached',
      devices: [
        { deviceId: 'g1', detail: 'attached as /dev/x' },
        { deviceId: 'g2', detail: 'attached as /dev/y' },
      ],
    },
  ],
  DeviceAttachFailed: [{ fact: 'DeviceAttachFailed', deviceId: 'g2', detail: 'link down' }],
  AttachDeadlinePassed: [
    { fact: 'AttachDeadlinePassed', deadline: at, pendingDeviceIds: ['g1', 'g2'] },
  ],
  Ready: [{ fact: 'Ready' }],
  DetachRequested: [
    { fact: 'DetachRequested', hostId: 'h1', deviceIds: ['g1', 'g2'], reason: 'shrink' },
  ],
  DeviceDetached: [{ fact: 'DeviceDetached', deviceIds: ['g1', 'g2'] }],
  ReservationReleased: [{ fact: 'ReservationReleased', reservationId: 'r1' }],
  Rescheduling: [
    { fact: 'Rescheduling', attempt: 1, reason: 'attach failed', avoidDeviceIds: ['g2'] },
  ],
  Failed: [
    {
      fact: 'Failed',
      reason: 'nothing fits',
      unschedulable: [{ group: 'gpus', why: 'kind: 3 removed' }],
    },
    { fact: 'Failed', reason: 'attach failed 3 times', unschedulable: [] },
  ],
  ExpansionStarted: [
    {
      fact: 'ExpansionStarted',
      hostId: 'h1',
      group: { name: 'more', kind: 'nvme', count: 2, constraints: { maxHops: 1 } },
      deviceIds: ['n1', 'n2'],
      reservationId: 'r2',
      attachDeadline: at,
      fabrics: { n1: 'ethernet-1' },
    },
  ],
  Expanded: [{ fact: 'Expanded', group: 'more' }],
  ExpansionAbandoned: [{ fact: 'ExpansionAbandoned', group: 'more', reason: 'deadline passed' }],
  ShrinkStarted: [{ fact: 'ShrinkStarted', deviceIds: ['n1'] }],
  Shrunk: [{ fact: 'Shrunk', deviceIds: ['n1'] }],
  DeviceReplacementStarted: [
    {
      fact: 'DeviceReplacementStarted',
      hostId: 'h1',
      group: 'gpus',
      failedDeviceId: 'g1',
      replacementDeviceId: 'g3',
      reservationId: 'r3',
      attachDeadline: at,
      fabrics: { g2: 'pcie-b' },
    },
  ],
  DeviceReplaced: [{ fact: 'DeviceReplaced', failedDeviceId: 'g1', replacementDeviceId: 'g3' }],
  ReplacementAbandoned: [
    { fact: 'ReplacementAbandoned', failedDeviceId: 'g1', reason: 'attach failed' },
  ],
  ReplacementUnavailable: [
    { fact: 'ReplacementUnavailable', group: 'gpus', failedDeviceId: 'g1', reason: 'none free' },
  ],
  DecomposeRequested: [{ fact: 'DecomposeRequested', reason: 'done', requestedBy: 'user:bob' }],
  Decomposed: [{ fact: 'Decomposed' }],
};

/** The message of a fact's payload at the version written: `DeviceAttachedV2` from version 2. */
const payloadMessageOf = (name: CompositionFactName): string => {
  const version = compositionEventSchemaVersion(name);
  return version === 1 ? name : `${name}V${String(version)}`;
};

describe('the payloads of composition events in proto/', () => {
  it('has a message in tessera.composer.v1 for every composition fact, at its version', () => {
    const missing = compositionFactNames.filter(
      (name) => codecOf(payloadMessageOf(name)) === undefined,
    );
    expect(missing).toEqual([]);
  });

  it.each(compositionFactNames)('decodes a stored %s and encodes it back equal', (name) => {
    const codec = codecOf(payloadMessageOf(name));
    expect(codec).toBeDefined();
    for (const fact of samples[name]) {
      const event = compositionEventOf('0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4', fact);
      expect(event.type).toBe(`tessera.composer.v1.${name}`);
      const stored: unknown = JSON.parse(JSON.stringify(event.data));
      expect(codec?.toJSON(codec.fromJSON(stored))).toEqual(withoutDefaults(stored));
    }
  });
});
