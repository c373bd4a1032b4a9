import type { EventEnvelope } from '@tessera/event-transport';
import { describe, expect, it } from 'vitest';
import { InvalidInventoryEventError, inventoryEventOf } from './inventory-event-of.js';

function envelope(overrides: Partial<EventEnvelope>): EventEnvelope {
  return {
    id: '0b7b7a3e-7f0e-4b8e-9a55-3f1f0c2a9d11',
    type: 'tessera.inventory.v1.DeviceCordoned',
    schemaVersion: 1,
    streamId: 'device-g1',
    streamVersion: 3,
    position: 42,
    recordedAt: '2025-12-28T10:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    actor: 'user:alice',
    tenant: null,
    data: { id: 'g1', reason: 'maintenance' },
    ...overrides,
  };
}

describe('inventoryEventOf', () => {
  it('reads an item fact with its stream version and log position', () => {
    expect(inventoryEventOf(envelope({}))).toEqual({
      kind: 'device',
      id: 'g1',
      event: {
        type: 'tessera.inventory.v1.DeviceCordoned',
        data: { id: 'g1', reason: 'maintenance' },
      },
      streamVersion: 3,
      position: 42,
    });
  });

  it('ignores the topic’s other events', () => {
    expect(
      inventoryEventOf(envelope({ type: 'tessera.inventory.v1.SourceAdded' })),
    ).toBeUndefined();
  });

  it('refuses an item event without an id, or of an unknown schema version, naming why', () => {
    expect(() => inventoryEventOf(envelope({ data: { reason: 'x' } }))).toThrow(
      /DeviceCordoned has no string data.id/,
    );
    const attempt = () => inventoryEventOf(envelope({ schemaVersion: 2 }));
    expect(attempt).toThrow(InvalidInventoryEventError);
    expect(attempt).toThrow(/schema version 2/);
  });
});
