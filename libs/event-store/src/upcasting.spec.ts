import type { EventEnvelope } from '@tessera/event-transport';
import { describe, expect, it } from 'vitest';
import { InvalidUpcastersError, UpcastError } from './errors.js';
import { defineUpcasters } from './upcasting.js';

const stored = (schemaVersion: number, data: Record<string, unknown>): EventEnvelope => ({
  id: '0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4',
  type: 'DeviceRegistered',
  schemaVersion,
  streamId: 'device-1',
  streamVersion: 1,
  position: 1,
  recordedAt: '2026-11-23T05:20:11.123Z',
  correlationId: 'c-1',
  causationId: null,
  actor: 'user:alice',
  tenant: null,
  data,
});

const chain = defineUpcasters([
  {
    type: 'DeviceRegistered',
    fromVersion: 2,
    upcast: (data) => ({ ...data, sharing: { limit: 1 } }),
  },
  {
    type: 'DeviceRegistered',
    fromVersion: 1,
    upcast: ({ kind, ...rest }) => ({ ...rest, deviceKind: kind }),
  },
]);

describe('defineUpcasters', () => {
  it('chains an old payload up to the newest version, in order', () => {
    const read = chain.upcast(stored(1, { kind: 'gpu' }));
    expect(read.schemaVersion).toBe(3);
    expect(read.data).toEqual({ deviceKind: 'gpu', sharing: { limit: 1 } });
    expect(chain.latestVersion('DeviceRegistered')).toBe(3);
  });

  it('passes through the newest version, newer versions and types without upcasters', () => {
    const newest = stored(3, { deviceKind: 'gpu', sharing: { limit: 2 } });
    expect(chain.upcast(newest)).toBe(newest);
    const newer = stored(4, { x: 1 });
    expect(chain.upcast(newer)).toBe(newer);
    const other = { ...stored(1, { a: 1 }), type: 'DeviceRetired' };
    expect(chain.upcast(other)).toBe(other);
  });

  it('does not modify the stored envelope', () => {
    const original = stored(1, { kind: 'gpu' });
    chain.upcast(original);
    expect(original).toEqual(stored(1, { kind: 'gpu' }));
  });

  it('refuses gaps and duplicates at definition time', () => {
    const step = { type: 'A', upcast: (data: Record<string, unknown>) => data };
    expect(() =>
      defineUpcasters([
        { ...step, fromVersion: 1 },
        { ...step, fromVersion: 3 },
      ]),
    ).toThrow(InvalidUpcastersError);
    expect(() =>
      defineUpcasters([
        { ...step, fromVersion: 1 },
        { ...step, fromVersion: 1 },
      ]),
    ).toThrow(/two upcasters for A from version 1/);
    expect(() => defineUpcasters([{ ...step, fromVersion: 0 }])).toThrow(/fromVersion 0/);
  });

  it('reports a version the chain cannot reach and an upcaster that throws', () => {
    const fromTwo = defineUpcasters([
      { type: 'DeviceRegistered', fromVersion: 2, upcast: (data) => data },
    ]);
    expect(() => fromTwo.upcast(stored(1, {}))).toThrow(UpcastError);
    const failing = defineUpcasters([
      {
        type: 'DeviceRegistered',
        fromVersion: 1,
        upcast: () => {
          throw new Error('boom');
        },
      },
    ]);
    expect(() => failing.upcast(stored(1, {}))).toThrow(
      /DeviceRegistered v1\): the upcaster threw/,
    );
  });
});
