import type { scheduler } from '@tessera/composer-domain';
import { indexFromItemStates, itemStatesOfSnapshot } from '@tessera/composer';
import { generateLab, parseManifest } from '@tessera/inventory-domain';

/**
 * The composer's candidate index over a generated lab, as the inventory's events would build
 * it: the lab's manifest parsed, each item's state evolved from its registration, routes
 * computed from its fabrics.
 */
export function labIndex(lab: {
  readonly seed: number;
  readonly hosts: number;
  readonly devices: number;
}): scheduler.CandidateIndex {
  const parsed = parseManifest(generateLab(lab));
  if (!parsed.ok) {
    throw new Error(
      `the generated lab does not validate: ${JSON.stringify(parsed.problems.slice(0, 5))}`,
    );
  }
  return indexFromItemStates(itemStatesOfSnapshot(parsed.snapshot));
}
