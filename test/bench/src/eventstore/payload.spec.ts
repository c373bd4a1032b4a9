import { describe, expect, it } from 'vitest';
import { deviceAttachedEvent, deviceAttachedEvents } from './payload.js';

describe('the benchmark payload', () => {
  it('is a realistic event of about 300 bytes of JSON', () => {
    for (const sequence of [0, 7, 123_456, 9_999_999]) {
      const bytes = Buffer.byteLength(JSON.stringify(deviceAttachedEvent(sequence).data));
      expect(bytes).toBeGreaterThanOrEqual(270);
      expect(bytes).toBeLessThanOrEqual(340);
    }
  });

  it('gives every event its own id', () => {
    const ids = deviceAttachedEvents(0, 500).map((event) => event.id);
    expect(new Set(ids).size).toBe(500);
  });
});
