import { describe, expect, it } from 'vitest';
import { uniqueTopic } from './topics.js';

describe('uniqueTopic', () => {
  it('gives a new legal topic name on every call, starting with the prefix', () => {
    const names = Array.from({ length: 50 }, () => uniqueTopic('tessera.composer.events.v1'));
    expect(new Set(names).size).toBe(50);
    for (const name of names) {
      expect(name.startsWith('tessera.composer.events.v1.')).toBe(true);
      expect(name).toMatch(/^[a-zA-Z0-9.-]{1,249}$/);
    }
  });

  it('refuses a prefix Kafka would not accept', () => {
    expect(() => uniqueTopic('has space')).toThrow(/topic prefix/);
    expect(() => uniqueTopic('')).toThrow(/topic prefix/);
  });
});
