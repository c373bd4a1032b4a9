import { ApiProblem } from './problem.js';

/** `If-Match` as the OpenAPI document describes it on every conditional change. */
export const ifMatchHeader = {
  name: 'If-Match',
  required: false,
  description: 'The ETag of your last read: refused (412) if the resource changed since',
} as const;

/** A resource's version as an ETag: what `If-Match` compares. */
export function versionEtag(resource: { readonly version: number }): string {
  return `"${String(resource.version)}"`;
}

/**
 * Checks `If-Match` (an ETag from a previous read, or `*`) against the resource's version as
 * the gateway just read it: 412 when it changed since the client's read.
 */
export function checkIfMatch(ifMatch: string | undefined, version: number): void {
  checkIfMatchTag(
    ifMatch,
    versionEtag({ version }),
    `the resource is at version ${version} (ETag "${version}")`,
  );
}

/**
 * Checks `If-Match` against the ETag the resource has now (`now` says where it stands, for the
 * problem's detail): 412 when none of the tags is it.
 */
export function checkIfMatchTag(ifMatch: string | undefined, etag: string, now: string): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes(etag)) {
    throw new ApiProblem(
      412,
      'VERSION_MISMATCH',
      `${now}, not the one If-Match names; read it again`,
    );
  }
}
