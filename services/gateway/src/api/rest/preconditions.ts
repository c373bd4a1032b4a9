import { ApiProblem } from './problem.js';

/**
 * Checks `If-Match` (an ETag from a previous read, or `*`) against the resource's version as
 * the gateway just read it: 412 when it changed since the client's read.
 */
export function checkIfMatch(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes(`"${version}"`)) {
    throw new ApiProblem(
      412,
      'VERSION_MISMATCH',
      `the resource is at version ${version} (ETag "${version}"), not the one If-Match names; read it again`,
    );
  }
}
