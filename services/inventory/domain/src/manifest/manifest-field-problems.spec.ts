import { describe, expect, it } from 'vitest';
import { formatProblem } from './manifest-problems.js';
import { parseManifest } from './parse-manifest.js';
import {
  enumCases,
  idCases,
  labelCases,
  numberCases,
  requiredCases,
  typeCases,
  unknownFieldCases,
} from './test-support/field-problem-cases.js';
import { expectProblems } from './test-support/problem-case.js';

describe('manifest validation of fields', () => {
  it.each(typeCases)('reports $name', expectProblems);
  it.each(requiredCases)('reports $name', expectProblems);
  it.each(enumCases)('reports $name', expectProblems);
  it.each(numberCases)('reports $name', expectProblems);
  it.each(idCases)('reports $name', expectProblems);
  it.each(unknownFieldCases)('reports $name', expectProblems);
  it.each(labelCases)('reports $name', expectProblems);

  it('reports a document that is not a mapping', () => {
    expect(parseManifest(['racks'])).toEqual({
      ok: false,
      problems: [{ path: '', message: 'must be a mapping of fields' }],
    });
  });

  it('reports a missing document as an empty manifest', () => {
    const result = parseManifest(null);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      '(document): the manifest is empty; it starts with apiVersion: tessera.inventory/v1',
    ]);
  });
});
