import { describe, expect, it } from 'vitest';
import { InvalidQueryError } from './invalid-query-error.js';
import { invalidArgument, pageFields, protoFieldPath, withRequestFields } from './field-paths.js';

describe('request field names', () => {
  it('spells application paths in proto names, keeping what brackets hold', () => {
    expect(protoFieldPath('intervalSeconds')).toBe('interval_seconds');
    expect(protoFieldPath('filter.labels["rackRow"].minCores')).toBe(
      'filter.labels["rackRow"].min_cores',
    );
    expect(protoFieldPath('groups[0].count')).toBe('groups[0].count');
  });

  it('renames the problems of a refused query to the fields the request carries', async () => {
    const refused = Promise.reject(
      new InvalidQueryError([
        { field: 'limit', message: 'too big' },
        { field: 'kind', message: 'unknown' },
      ]),
    );
    const error = await withRequestFields(refused, pageFields).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(InvalidQueryError);
    expect((error as InvalidQueryError).problems).toEqual([
      { field: 'page.page_size', message: 'too big' },
      { field: 'kind', message: 'unknown' },
    ]);
  });

  it('passes answers and other errors through unchanged', async () => {
    await expect(withRequestFields(Promise.resolve(7), pageFields)).resolves.toBe(7);
    const other = new Error('connection lost');
    await expect(withRequestFields(Promise.reject(other), pageFields)).rejects.toBe(other);
  });

  it('refuses one argument with a message naming it', () => {
    const error = invalidArgument('page.page_size', 'must not be negative');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('page.page_size: must not be negative');
  });
});
