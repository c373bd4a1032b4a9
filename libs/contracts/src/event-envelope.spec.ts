import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { common } from './index.js';

function deviceEnvelope(overrides: Partial<common.EventEnvelope> = {}): common.EventEnvelope {
  const payload = common.PageRequest.encode({ pageSize: 25, pageToken: 'opaque' }).finish();
  return {
    id: '0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4',
    type: 'tessera.inventory.v1.DeviceAttached',
    schemaVersion: 2,
    streamId: 'device-0190c3d6-4b1e-7d0a-8f55-7f3e9b2c1d00',
    streamVersion: 7,
    position: 2 ** 40 + 3,
    recordedAt: '2026-11-23T05:20:11.123Z',
    correlationId: '0190c3d6-5555-7000-8000-000000000001',
    causationId: '0190c3d6-5555-7000-8000-000000000002',
    actor: 'user:alice',
    tenant: 'finance',
    payload: Buffer.from(payload),
    ...overrides,
  };
}

describe('EventEnvelope codec', () => {
  it('decodes exactly what it encoded, including 64-bit positions and the timestamp', () => {
    const envelope = deviceEnvelope();

    const decoded = common.EventEnvelope.decode(common.EventEnvelope.encode(envelope).finish());

    expect(decoded).toEqual(envelope);
    expect(common.PageRequest.decode(decoded.payload)).toEqual({
      pageSize: 25,
      pageToken: 'opaque',
    });
  });

  it('keeps absent causation and tenant absent rather than empty strings', () => {
    const envelope = deviceEnvelope({ causationId: undefined, tenant: undefined });

    const decoded = common.EventEnvelope.decode(common.EventEnvelope.encode(envelope).finish());

    expect(decoded.causationId).toBeUndefined();
    expect(decoded.tenant).toBeUndefined();
    expect(
      common.EventEnvelope.decode(
        common.EventEnvelope.encode(deviceEnvelope({ tenant: '' })).finish(),
      ).tenant,
    ).toBe('');
  });

  it('refuses a position beyond 2^53 instead of rounding it', () => {
    const bytes = new BinaryWriter()
      .uint32((6 << 3) | 0)
      .int64(2n ** 60n)
      .finish();

    expect(() => common.EventEnvelope.decode(bytes)).toThrow(/MAX_SAFE_INTEGER/);
  });

  it('reads an envelope written by a newer schema with an unknown field', () => {
    const current = common.EventEnvelope.encode(deviceEnvelope()).finish();
    const newerField = new BinaryWriter()
      .uint32((99 << 3) | 2)
      .string('added later')
      .finish();

    const decoded = common.EventEnvelope.decode(Buffer.concat([current, newerField]));

    expect(decoded).toEqual(deviceEnvelope());
  });
});
