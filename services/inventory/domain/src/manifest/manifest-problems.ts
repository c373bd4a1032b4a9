/**
 * One thing wrong with a manifest. `path` names the field the way an operator finds it in the
 * document, `racks[2].enclosures[0].devices[5].capacityTB`; `''` is the document itself.
 */
export interface ManifestProblem {
  readonly path: string;
  readonly message: string;
}

/** Collects every problem of one validation run, in the order they are found. */
export class ManifestProblems {
  private readonly found: ManifestProblem[] = [];

  add(path: string, message: string): void {
    this.found.push({ path, message });
  }

  get list(): readonly ManifestProblem[] {
    return this.found;
  }

  get isEmpty(): boolean {
    return this.found.length === 0;
  }
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of a field: `racks[2].name`, or `labels["rack/row"]` for keys that need quoting. */
export function fieldPath(parent: string, key: string): string {
  if (!plainKey.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of a list item: `racks[2]`. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** `racks[2].name: is required`; the document itself reads `(document)`. */
export function formatProblem(problem: ManifestProblem): string {
  return `${problem.path === '' ? '(document)' : problem.path}: ${problem.message}`;
}
