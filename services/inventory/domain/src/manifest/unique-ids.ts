import { fieldPath, type ManifestProblems } from './manifest-problems.js';

/**
 * Indexes items by id and reports every id declared twice, at the second declaration, naming
 * where the first one is. The index keeps the first; `''` (an id that could not be read, already
 * reported) is left out.
 */
export function indexUnique<T>(
  items: Iterable<T>,
  key: (item: T) => { readonly id: string; readonly path: string },
  kind: string,
  problems: ManifestProblems,
): Map<string, T> {
  const index = new Map<string, T>();
  const firstPaths = new Map<string, string>();
  for (const item of items) {
    const { id, path } = key(item);
    if (id === '') continue;
    const first = firstPaths.get(id);
    if (first === undefined) {
      index.set(id, item);
      firstPaths.set(id, path);
    } else {
      problems.add(path, `duplicate ${kind} id "${id}" (first declared at ${first})`);
    }
  }
  return index;
}

/** The key of a part whose id is its `id` field. */
export function idField(item: { readonly spec: { readonly id: string }; readonly path: string }): {
  id: string;
  path: string;
} {
  return { id: item.spec.id, path: fieldPath(item.path, 'id') };
}
