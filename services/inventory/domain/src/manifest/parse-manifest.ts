import { type InventorySnapshot } from '@tessera/hardware';
import { checkReferences } from './check-references.js';
import { decodeText, type ManifestFormat } from './decode-text.js';
import { ManifestProblems, type ManifestProblem } from './manifest-problems.js';
import { ParsedManifest, type Located } from './parsed-manifest.js';
import { readManifestDocument } from './read-manifest.js';

/** Either the snapshot the manifest declares, or every problem found in it. */
export type ManifestResult =
  | { readonly ok: true; readonly snapshot: InventorySnapshot }
  | { readonly ok: false; readonly problems: readonly ManifestProblem[] };

/**
 * Reads manifest text. Text that is not well-formed YAML or JSON gives one problem at the
 * document (`path: ''`) naming the line; otherwise as `parseManifest`.
 */
export function parseManifestText(text: string, format: ManifestFormat): ManifestResult {
  const decoded = decodeText(text, format);
  if (!decoded.ok) return { ok: false, problems: [{ path: '', message: decoded.message }] };
  return parseManifest(decoded.document);
}

/**
 * Validates a whole manifest document (parsed YAML or JSON) and maps it to an inventory
 * snapshot. Never stops at the first problem: the result lists every one, so an operator can
 * fix a manifest in one round.
 */
export function parseManifest(document: unknown): ManifestResult {
  const problems = new ManifestProblems();
  const parsed = new ParsedManifest();
  readManifestDocument(document, { parsed, problems });
  const fabrics = checkReferences(parsed, problems);
  if (!problems.isEmpty) return { ok: false, problems: problems.list };
  return {
    ok: true,
    snapshot: {
      sites: specs(parsed.sites),
      racks: specs(parsed.racks),
      enclosures: specs(parsed.enclosures),
      hosts: specs(parsed.hosts),
      devices: specs(parsed.devices),
      fabrics,
    },
  };
}

function specs<T>(entries: readonly Located<T>[]): T[] {
  return entries.map((entry) => entry.spec);
}
