import { describe, expect, it } from 'vitest';
import { compositionEventSchemaVersion, compositionFactOf } from './composition-events.js';
import { compositionUpcasters } from './composition-upcasters.js';
import {
  attached,
  attachRequested,
  detached,
  detachRequested,
  requested,
  scheduled,
  stateAfter,
  target,
} from './test-support/composition-fixtures.js';

const upcast = (type: string, data: Record<string, unknown>) => {
  const upcaster = compositionUpcasters.find((candidate) => candidate.type === type);
  if (upcaster === undefined) throw new Error(`no upcaster for ${type}`);
  return compositionFactOf({
    type,
    data: upcaster.upcast(data) as { compositionId: string } & Record<string, unknown>,
  });
};

describe('composition upcasters', () => {
  it('read a V1 attach intent of one device as the V2 intent of that device', () => {
    const v1 = {
      compositionId: 'c-1',
      hostId: 'host-1',
      deviceId: 'gpu-1',
      attempt: 2,
      deadline: '2025-12-28T10:05:00.000Z',
      fabricId: 'pcie-a',
    };
    expect(upcast('tessera.composer.v1.AttachRequested', v1)).toEqual({
      compositionId: 'c-1',
      fact: attachRequested([target('gpu-1', 2, 'pcie-a')]),
    });
    const { fabricId: _absent, ...withoutFabric } = v1;
    expect(upcast('tessera.composer.v1.AttachRequested', withoutFabric)?.fact).toEqual(
      attachRequested([target('gpu-1', 2)]),
    );
  });

  it('read a V1 DeviceAttached as the V2 observation of that one device', () => {
    const v1 = { compositionId: 'c-1', deviceId: 'gpu-1', detail: 'ok' };
    expect(upcast('tessera.composer.v1.DeviceAttached', v1)?.fact).toEqual(attached('gpu-1'));
  });

  it('let a history recorded one device at a time evolve as it did', () => {
    const v1History = ['gpu-1', 'gpu-2', 'nvme-1'].flatMap((deviceId) => {
      const stored = upcast('tessera.composer.v1.AttachRequested', {
        compositionId: 'c-1',
        hostId: 'host-1',
        deviceId,
        attempt: 1,
        deadline: '2025-12-28T10:05:00.000Z',
      });
      return stored === undefined ? [] : [stored.fact];
    });
    const state = stateAfter([requested, scheduled, ...v1History]);
    expect(state.status === 'attaching' && state.attachAttempts).toEqual({
      'gpu-1': 1,
      'gpu-2': 1,
      'nvme-1': 1,
    });
  });

  it('read a V1 detach intent and DeviceDetached as the V2 ones of that one device', () => {
    expect(
      upcast('tessera.composer.v1.DetachRequested', {
        compositionId: 'c-1',
        hostId: 'host-1',
        deviceId: 'gpu-1',
        reason: 'shrink',
      })?.fact,
    ).toEqual(detachRequested('gpu-1', 'shrink'));
    expect(
      upcast('tessera.composer.v1.DeviceDetached', { compositionId: 'c-1', deviceId: 'gpu-1' })
        ?.fact,
    ).toEqual(detached('gpu-1'));
  });

  it('exist for every version older than the one written', () => {
    for (const fact of [
      'AttachRequested',
      'DeviceAttached',
      'DetachRequested',
      'DeviceDetached',
    ] as const) {
      const type = `tessera.composer.v1.${fact}`;
      const versions = compositionUpcasters
        .filter((upcaster) => upcaster.type === type)
        .map(({ fromVersion }) => fromVersion);
      expect(versions).toEqual([1]);
      expect(compositionEventSchemaVersion(fact)).toBe(2);
    }
    expect(compositionEventSchemaVersion('Ready')).toBe(1);
  });
});
