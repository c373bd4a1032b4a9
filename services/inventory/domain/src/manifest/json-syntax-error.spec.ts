import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error.js';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' { "a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {} } ',
    '"just a string"',
    '0',
  ])('finds nothing wrong in %j', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": }', 6, 'expected a value, found "}"'],
    ['{"a": 1,}', 8, 'expected a quoted field name, found "}"'],
    ['{"a" 1}', 5, 'expected ":", found "1"'],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ['{"a": [1, 2}', 11, 'expected "," or "]", found "}"'],
    ['{"a": 01}', 7, 'expected "," or "}", found "1"'],
    ['{"a": tru}', 6, 'expected a value, found "t"'],
    [
      '{"a": "line\nbreak"}',
      6,
      'a string is not closed on its line, or holds a bad escape or a control character',
    ],
    [
      '{"a": "\\x"}',
      6,
      'a string is not closed on its line, or holds a bad escape or a control character',
    ],
    ['{"a": 1', 7, 'unexpected end of text'],
    ['', 0, 'unexpected end of text'],
    ['{} {}', 3, 'unexpected "{" after the document'],
  ])('locates the error in %j', (text, offset, reason) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ offset, reason });
  });

  it('survives nesting deeper than a recursive parser could follow', () => {
    const text = '['.repeat(200_000);
    expect(findJsonSyntaxError(text)).toEqual({
      offset: 200_000,
      reason: 'unexpected end of text',
    });
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
