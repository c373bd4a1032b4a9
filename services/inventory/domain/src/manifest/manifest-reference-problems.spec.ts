import { describe, expect, it } from 'vitest';
import {
  enumCases,
  numberCases,
  typeCases,
  unknownFieldCases,
} from './test-support/field-problem-cases.js';
import { expectedProblems, expectProblems, problemsOf } from './test-support/problem-case.js';
import { duplicateCases, referenceCases } from './test-support/reference-problem-cases.js';

describe('manifest validation of ids and references', () => {
  it.each(duplicateCases)('reports $name', expectProblems);
  it.each(referenceCases)('reports $name', expectProblems);

  it('reports the problems of every class at once, none lost and none added', () => {
    const cases = [
      ...typeCases.slice(2, 3),
      ...enumCases.slice(0, 1),
      ...numberCases.slice(0, 1),
      ...duplicateCases.slice(4, 5),
      ...referenceCases.slice(0, 1),
      ...referenceCases.slice(5, 6),
      ...unknownFieldCases.slice(0, 1),
    ];
    const found = problemsOf({
      name: 'all at once',
      changes: cases.flatMap((testCase) => testCase.changes),
      problems: [],
    });
    expect(found).toHaveLength(cases.length);
    expect(found).toEqual(expect.arrayContaining(expectedProblems(cases)));
  });
});
