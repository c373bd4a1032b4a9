import { expect } from 'vitest';
import { type ManifestProblem } from '../manifest-problems.js';
import { parseManifest } from '../parse-manifest.js';
import { changedAll } from './edit-document.js';
import { exampleManifest } from './example-manifest.js';

/** A change to the valid example manifest and the problems it must cause. */
export interface Case {
  readonly name: string;
  /** Changes to the valid example, each a problem path and the value written there. */
  readonly changes: readonly [string, unknown][];
  /** The problems expected, exactly (no follow-on problems); path defaults to the first change. */
  readonly problems: readonly { readonly path?: string; readonly message: unknown }[];
}

/** The problems `parseManifest` reports for the example with the case's changes. */
export function problemsOf(testCase: Case): ManifestProblem[] {
  const result = parseManifest(changedAll(exampleManifest(), testCase.changes));
  return result.ok ? [] : [...result.problems];
}

/** Expects exactly the case's problems, in order. */
export function expectProblems(testCase: Case): void {
  expect(problemsOf(testCase)).toEqual(expectedProblems([testCase]));
}

/** Every problem the cases expect, each with its path filled in. */
export function expectedProblems(cases: readonly Case[]): { path: unknown; message: unknown }[] {
  return cases.flatMap((testCase) =>
    testCase.problems.map((problem) => ({
      path: problem.path ?? testCase.changes[0]?.[0],
      message: problem.message,
    })),
  );
}
