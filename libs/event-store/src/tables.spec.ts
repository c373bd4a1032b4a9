import { describe, expect, it } from 'vitest';
import { notificationChannel, storeTables } from './tables.js';

describe('storeTables', () => {
  it('qualifies every table with the quoted schema', () => {
    expect(storeTables('composer').events).toBe('"composer".events');
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => storeTables('composer; DROP TABLE x')).toThrow(/not a valid schema/);
  });

  it('keeps notification channels within 63 characters and distinct for long schemas', () => {
    expect(notificationChannel('composer')).toBe('tessera_events_composer');
    const a = notificationChannel(`a${'x'.repeat(60)}`);
    const b = notificationChannel(`b${'x'.repeat(60)}`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
  });
});
