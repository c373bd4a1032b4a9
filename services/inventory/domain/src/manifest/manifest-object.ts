import { InvalidItemCommandError, validateLabels } from '../items/index.js';
import { type Labels } from '@tessera/hardware';
import { manifestFields, type ManifestPart } from './manifest-document.js';
import { fieldPath, itemPath, type ManifestProblems } from './manifest-problems.js';
import { suggestField } from './suggest-field.js';

const knownFields = new Map<ManifestPart, ReadonlySet<string>>(
  Object.entries(manifestFields).map(([part, fields]) => [part as ManifestPart, new Set(fields)]),
);

const idPattern = /^[A-Za-z0-9._:/-]{1,200}$/;
const idRule = 'must be an id: 1–200 characters of letters, digits and . _ : / -';

/** True for a mapping as JSON or YAML produce it (not a list, not null). */
export function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the fields of one mapping of a manifest, recording a problem for every field that is
 * missing, of the wrong type or out of range, and for every field the part does not know.
 *
 * Contract: `required*` readers always return a value so that the caller can go on building;
 * after recording a problem they return a placeholder (`''` for ids and text, the first choice
 * for enums). A run that recorded a problem never releases what it built, so placeholders never
 * escape. Ids that are strings but break the id syntax are returned as written, so references
 * to them do not cause a second, misleading problem.
 */
export class ManifestObject {
  private constructor(
    readonly path: string,
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly problems: ManifestProblems,
  ) {}

  /** `undefined` (after recording the problem) when `value` is not a mapping. */
  static open(
    value: unknown,
    path: string,
    part: ManifestPart,
    problems: ManifestProblems,
  ): ManifestObject | undefined {
    if (!isMapping(value)) {
      problems.add(path, 'must be a mapping of fields');
      return undefined;
    }
    const known = knownFields.get(part) ?? new Set<string>();
    for (const key of Object.keys(value)) {
      if (known.has(key)) continue;
      const suggestion = suggestField(key, known);
      const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
      problems.add(fieldPath(path, key), `unknown field "${key}"${hint}`);
    }
    return new ManifestObject(path, value, problems);
  }

  pathOf(key: string): string {
    return fieldPath(this.path, key);
  }

  /** Records a problem with one of this mapping's fields. */
  report(key: string, message: string): void {
    this.problems.add(this.pathOf(key), message);
  }

  has(key: string): boolean {
    return this.fields[key] !== undefined;
  }

  requiredId(key: string): string {
    return this.present(key) ? checkId(this.fields[key], this.pathOf(key), this.problems) : '';
  }

  optionalId(key: string): string | undefined {
    return this.has(key) ? this.requiredId(key) : undefined;
  }

  requiredText(key: string): string {
    return this.present(key) ? (this.text(key) ?? '') : '';
  }

  optionalText(key: string): string | undefined {
    return this.has(key) ? this.text(key) : undefined;
  }

  requiredChoice<T extends string>(key: string, choices: readonly [T, ...T[]]): T {
    return (this.present(key) ? this.choice(key, choices) : undefined) ?? choices[0];
  }

  optionalChoice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    return this.has(key) ? this.choice(key, choices) : undefined;
  }

  /** A finite number above zero. */
  optionalPositive(key: string): number | undefined {
    const value = this.fields[key];
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    this.problems.add(this.pathOf(key), 'must be a positive number');
    return undefined;
  }

  optionalInteger(key: string, min: number, max?: number): number | undefined {
    const value = this.fields[key];
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) {
      if (max === undefined || value <= max) return value;
    }
    const rule =
      max !== undefined
        ? `must be an integer from ${min} to ${max}`
        : min === 1
          ? 'must be a positive integer'
          : `must be an integer ≥ ${min}`;
    this.problems.add(this.pathOf(key), rule);
    return undefined;
  }

  /** Labels follow the inventory's label rules (`validateLabels`), each label checked alone. */
  optionalLabels(key: string): Labels | undefined {
    const value = this.fields[key];
    if (value === undefined) return undefined;
    if (!isMapping(value)) {
      this.problems.add(this.pathOf(key), 'must be a mapping of label names to strings');
      return undefined;
    }
    const entries: [string, string][] = [];
    for (const [name, label] of Object.entries(value)) {
      const problem = typeof label === 'string' ? labelProblem(name, label) : stringRule(label);
      if (problem === undefined) entries.push([name, label as string]);
      else this.problems.add(fieldPath(this.pathOf(key), name), problem);
    }
    const labels = Object.fromEntries(entries);
    if (entries.length === Object.keys(value).length) {
      const problem = labelProblem(undefined, labels);
      if (problem !== undefined) this.problems.add(this.pathOf(key), problem);
    }
    return labels;
  }

  /** Visits each item of a list field with its path. */
  each(key: string, required: boolean, visit: (item: unknown, path: string) => void): void {
    const value = this.fields[key];
    if (value === undefined) {
      if (required) this.problems.add(this.pathOf(key), 'is required');
      return;
    }
    if (!Array.isArray(value)) {
      this.problems.add(this.pathOf(key), 'must be a list');
      return;
    }
    value.forEach((item: unknown, index) => {
      visit(item, itemPath(this.pathOf(key), index));
    });
  }

  /** The items that could be read; each unreadable item has recorded its own problem. */
  list<T>(
    key: string,
    required: boolean,
    read: (item: unknown, path: string) => T | undefined,
  ): T[] {
    const items: T[] = [];
    this.each(key, required, (item, path) => {
      const entry = read(item, path);
      if (entry !== undefined) items.push(entry);
    });
    return items;
  }

  /** A required list of ids, index for index as written (`''` where an item is not a string). */
  idList(key: string, atLeastOne = false): string[] {
    const ids = this.list(key, true, (item, path) => checkId(item, path, this.problems));
    if (atLeastOne && ids.length === 0 && Array.isArray(this.fields[key])) {
      this.problems.add(this.pathOf(key), 'must list at least one id');
    }
    return ids;
  }

  private present(key: string): boolean {
    if (this.has(key)) return true;
    this.problems.add(this.pathOf(key), 'is required');
    return false;
  }

  private text(key: string): string | undefined {
    const value = this.fields[key];
    if (typeof value !== 'string') {
      this.problems.add(this.pathOf(key), stringRule(value));
      return undefined;
    }
    if (value.trim() === '') {
      this.problems.add(this.pathOf(key), 'must not be empty');
      return undefined;
    }
    return value;
  }

  private choice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.fields[key];
    const match = choices.find((choice) => choice === value);
    if (match === undefined) {
      const written = typeof value === 'string' ? `, not "${value}"` : '';
      this.problems.add(this.pathOf(key), `must be one of ${choices.join(', ')}${written}`);
    }
    return match;
  }
}

function checkId(value: unknown, path: string, problems: ManifestProblems): string {
  if (typeof value !== 'string') {
    problems.add(path, idRule);
    return '';
  }
  if (!idPattern.test(value)) problems.add(path, idRule);
  return value;
}

/** What the inventory's label rules say against one label, or against the whole set. */
function labelProblem(name: string | undefined, labels: Labels | string): string | undefined {
  try {
    validateLabels(name === undefined ? (labels as Labels) : { [name]: labels as string });
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidItemCommandError)) throw error;
    const prefix = `${error.field}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
}

function stringRule(value: unknown): string {
  const quote = typeof value === 'number' || typeof value === 'boolean' ? ' (quote it)' : '';
  return `must be a string${quote}`;
}
