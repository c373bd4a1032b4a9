import { TesseraError } from '@tessera/errors';
import { type InventorySnapshot } from '@tessera/hardware';
import { formatProblem, type ManifestProblem } from './manifest-problems.js';
import { type ManifestResult } from './parse-manifest.js';

const listedProblems = 20;

/** A manifest that cannot be imported; `problems` holds every problem found in it. */
export class ManifestInvalidError extends TesseraError<'MANIFEST_INVALID'> {
  readonly code = 'MANIFEST_INVALID';

  constructor(readonly problems: readonly ManifestProblem[]) {
    super(describeProblems(problems));
  }
}

/** The snapshot of a valid manifest; throws `ManifestInvalidError` for an invalid one. */
export function snapshotOrThrow(result: ManifestResult): InventorySnapshot {
  if (!result.ok) throw new ManifestInvalidError(result.problems);
  return result.snapshot;
}

/** Lists the first 20 problems, one a line, then how many more there are. */
function describeProblems(problems: readonly ManifestProblem[]): string {
  const count = problems.length;
  const lines = problems.slice(0, listedProblems).map((problem) => `  ${formatProblem(problem)}`);
  if (count > listedProblems) lines.push(`  and ${count - listedProblems} more`);
  return [`the manifest has ${count} problem${count === 1 ? '' : 's'}:`, ...lines].join('\n');
}
