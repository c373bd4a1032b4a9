export { type ManifestFormat } from './decode-text.js';
export * from './manifest-document.js';
export { ManifestInvalidError, snapshotOrThrow } from './manifest-invalid-error.js';
export { formatProblem, type ManifestProblem } from './manifest-problems.js';
export { parseManifest, parseManifestText, type ManifestResult } from './parse-manifest.js';
