import { compositionEventOf } from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';
import type { EventEnvelope } from '@tessera/event-transport';
import { describe, expect, it } from 'vitest';
import { composerOutboxRouting } from '../persistence/outbox-routing.js';
import { observationOf } from './observation-of.js';

const envelopeOf = (type: string, data: unknown, streamId = 'composition-c1'): EventEnvelope => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  schemaVersion: 1,
  streamId,
  streamVersion: 1,
  position: 1,
  recordedAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'corr',
  causationId: null,
  actor: 'agent:h1',
  tenant: null,
  data,
});

describe('the attach contract on the wire', () => {
  it('stores intents as exactly the proto3 JSON of the contract messages', () => {
    const attach = compositionEventOf('c1', {
      fact: 'AttachRequested',
      hostId: 'h1',
      devices: [
        { deviceId: 'g1', attempt: 2, fabricId: 'pcie-a' },
        { deviceId: 'n1', attempt: 1 },
      ],
      deadline: '2026-01-01T00:05:00.000Z',
    });
    expect(attach.type).toBe('tessera.composer.v1.AttachRequested');
    expect(attach.data).toEqual(
      composer.AttachRequestedV2.toJSON(composer.AttachRequestedV2.fromJSON(attach.data)),
    );
    expect(composer.AttachRequestedV2.fromJSON(attach.data)).toEqual({
      compositionId: 'c1',
      hostId: 'h1',
      devices: [
        { deviceId: 'g1', attempt: 2, fabricId: 'pcie-a' },
        { deviceId: 'n1', attempt: 1, fabricId: '' },
      ],
      deadline: '2026-01-01T00:05:00.000Z',
    });
    const detach = compositionEventOf('c1', {
      fact: 'DetachRequested',
      hostId: 'h1',
      deviceIds: ['g1', 'n1'],
      reason: 'shrink',
    });
    expect(detach.data).toEqual(
      composer.DetachRequestedV2.toJSON(composer.DetachRequestedV2.fromJSON(detach.data)),
    );
    expect(composer.DetachRequestedV2.fromJSON(detach.data)).toEqual({
      compositionId: 'c1',
      hostId: 'h1',
      deviceIds: ['g1', 'n1'],
      reason: 'shrink',
    });
  });

  it('keys intents by host and every other composer event by its composition', () => {
    const intent = envelopeOf('tessera.composer.v1.AttachRequested', { hostId: 'h1' });
    const ready = envelopeOf('tessera.composer.v1.Ready', { compositionId: 'c1' });
    expect(composerOutboxRouting.keyFor?.(intent)).toBe('h1');
    expect(composerOutboxRouting.keyFor?.(ready)).toBeUndefined();
    expect(composerOutboxRouting.topicFor(ready)).toBe('tessera.composer.events.v1');
  });

  it('reads observations of either version and skips the fleet events it does not know', () => {
    const v2 = composer.DeviceAttachObservedV2.toJSON({
      compositionId: 'c1',
      hostId: 'h1',
      results: [
        {
          deviceId: 'g1',
          attempt: 3,
          outcome: composer.AttachOutcome.ATTACH_OUTCOME_FAILED,
          detail: 'link down',
        },
        {
          deviceId: 'n1',
          attempt: 1,
          outcome: composer.AttachOutcome.ATTACH_OUTCOME_ATTACHED,
          detail: 'attached as /dev/nvme1n1',
        },
        {
          deviceId: 'n2',
          attempt: 1,
          outcome: composer.AttachOutcome.ATTACH_OUTCOME_UNSPECIFIED,
          detail: '',
        },
      ],
      observedAt: '2026-01-01T00:00:01.000Z',
    });
    expect(
      observationOf({
        ...envelopeOf('tessera.composer.v1.DeviceAttachObserved', v2),
        schemaVersion: 2,
      }),
    ).toEqual({
      observed: 'attach',
      compositionId: 'c1',
      results: [
        { deviceId: 'g1', attempt: 3, outcome: 'failed', detail: 'link down' },
        { deviceId: 'n1', attempt: 1, outcome: 'attached', detail: 'attached as /dev/nvme1n1' },
      ],
    });
    const v1 = composer.DeviceAttachObserved.toJSON({
      compositionId: 'c1',
      hostId: 'h1',
      deviceId: 'g1',
      outcome: composer.AttachOutcome.ATTACH_OUTCOME_FAILED,
      detail: 'link down',
      observedAt: '2026-01-01T00:00:01.000Z',
      attempt: 3,
    });
    expect(observationOf(envelopeOf('tessera.composer.v1.DeviceAttachObserved', v1))).toEqual({
      observed: 'attach',
      compositionId: 'c1',
      results: [{ deviceId: 'g1', attempt: 3, outcome: 'failed', detail: 'link down' }],
    });
    const detachedV2 = composer.DeviceDetachObservedV2.toJSON({
      compositionId: 'c1',
      hostId: 'h1',
      devices: [
        { deviceId: 'g1', detail: 'detached' },
        { deviceId: 'n1', detail: 'was not attached' },
      ],
      observedAt: '2026-01-01T00:00:02.000Z',
    });
    expect(
      observationOf({
        ...envelopeOf('tessera.composer.v1.DeviceDetachObserved', detachedV2),
        schemaVersion: 2,
      }),
    ).toEqual({ observed: 'detach', compositionId: 'c1', deviceIds: ['g1', 'n1'] });
    const detachedV1 = composer.DeviceDetachObserved.toJSON({
      compositionId: 'c1',
      hostId: 'h1',
      deviceId: 'g1',
      detail: 'detached',
      observedAt: '2026-01-01T00:00:02.000Z',
    });
    expect(
      observationOf(envelopeOf('tessera.composer.v1.DeviceDetachObserved', detachedV1)),
    ).toEqual({ observed: 'detach', compositionId: 'c1', deviceIds: ['g1'] });
    expect(observationOf(envelopeOf('tessera.fleet.v1.AgentConnected', {}))).toBeUndefined();
  });
});
