/** Marks a field to delete in `changed`. */
export const removed = Symbol('removed');

type Container = Record<string, unknown> | unknown[];

/**
 * A copy of a document with one field set (or `removed`), addressed by a problem path such as
 * `racks[0].enclosures[1].devices[0].capacityTB` or `labels["tessera.io/pool"]`, so that a spec
 * can change a field and expect a problem at the very same path.
 */
export function changed(document: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(document);
  const keys = parsePath(path);
  const last = keys.pop();
  if (last === undefined) throw new Error('changed() needs a non-empty path');
  let container = copy as Container;
  for (const key of keys)
    container = (container as Record<string | number, unknown>)[key] as Container;
  const target = container as Record<string | number, unknown>;
  if (value === removed) {
    if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
    else Reflect.deleteProperty(target, last);
  } else {
    target[last] = value;
  }
  return copy;
}

/** Applies several changes in turn. */
export function changedAll(document: unknown, changes: readonly [string, unknown][]): unknown {
  return changes.reduce((current, [path, value]) => changed(current, path, value), document);
}

function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  while (token.lastIndex < path.length) {
    const match = token.exec(path);
    if (match === null) throw new Error(`cannot read path ${path}`);
    const [, name, index, quoted] = match;
    if (name !== undefined) keys.push(name);
    else if (index !== undefined) keys.push(Number(index));
    else keys.push(JSON.parse(quoted ?? '""') as string);
  }
  return keys;
}
