import { describe, expect, it } from 'vitest';
import { InvalidIdentifierError, quoteIdentifier } from './identifiers.js';

describe('quoteIdentifier', () => {
  it('quotes a plain lower-case name', () => {
    expect(quoteIdentifier('composer_events')).toBe('"composer_events"');
  });

  it.each(['', 'Events', 'a-b', 'x"; DROP TABLE t; --', '1abc', 'a'.repeat(64)])(
    'refuses %j',
    (name) => {
      expect(() => quoteIdentifier(name)).toThrow(InvalidIdentifierError);
    },
  );
});
