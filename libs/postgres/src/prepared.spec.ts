import { describe, expect, it } from 'vitest';
import { prepared } from './prepared.js';

describe('prepared', () => {
  it('names a statement by its text, the same name every time', () => {
    const first = prepared('SELECT $1::int', [1]);
    const again = prepared('SELECT $1::int', [2]);
    expect(first.name).toMatch(/^tessera_[0-9a-f]{24}$/);
    expect(again.name).toBe(first.name);
    expect(again.values).toEqual([2]);
  });

  it('gives another text another name', () => {
    expect(prepared('SELECT $1::text', ['a']).name).not.toBe(prepared('SELECT $1::int', [1]).name);
  });

  it('copies the values, so a later change of the caller’s array does not reach the query', () => {
    const values = [1];
    const query = prepared('SELECT $1::int', values);
    values.push(2);
    expect(query.values).toEqual([1]);
  });
});
