import { isTesseraError } from '@tessera/errors';
import { describe, expect, it } from 'vitest';
import { ManifestInvalidError, snapshotOrThrow } from './manifest-invalid-error.js';
import { parseManifest } from './parse-manifest.js';
import { exampleManifest } from './test-support/example-manifest.js';
import { exampleSnapshot } from './test-support/example-snapshot.js';

const problems = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    path: `racks[${index}].name`,
    message: 'is required',
  }));

describe('ManifestInvalidError', () => {
  it('is a Tessera error with a stable code that carries every problem', () => {
    const error = new ManifestInvalidError(problems(3));
    expect(isTesseraError(error)).toBe(true);
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.problems).toHaveLength(3);
  });

  it('lists each problem on its own line, the document itself as (document)', () => {
    const error = new ManifestInvalidError([
      { path: '', message: 'not valid YAML: bad indentation at line 3, column 1' },
      { path: 'racks[0].site', message: 'no site "lon1" is declared' },
    ]);
    expect(error.message).toBe(
      [
        'the manifest has 2 problems:',
        '  (document): not valid YAML: bad indentation at line 3, column 1',
        '  racks[0].site: no site "lon1" is declared',
      ].join('\n'),
    );
  });

  it('lists the first 20 problems, then how many more there are', () => {
    const lines = new ManifestInvalidError(problems(25)).message.split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[20]).toBe('  racks[19].name: is required');
    expect(lines[21]).toBe('  and 5 more');
  });
});

describe('snapshotOrThrow', () => {
  it('returns the snapshot of a valid manifest', () => {
    expect(snapshotOrThrow(parseManifest(exampleManifest()))).toStrictEqual(exampleSnapshot);
  });

  it('throws ManifestInvalidError with the problems of an invalid one', () => {
    const result = parseManifest({ apiVersion: 'tessera.inventory/v1' });
    expect(() => snapshotOrThrow(result)).toThrow(
      expect.objectContaining({
        code: 'MANIFEST_INVALID',
        problems: [{ path: 'kind', message: 'is required' }],
      }),
    );
  });
});
