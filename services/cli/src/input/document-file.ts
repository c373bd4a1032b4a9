import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import { isJsonObject, type JsonObject } from '../output/values.js';

/** The text of `-f <file>`; `-` reads standard input. Unreadable is a usage error. */
export async function readInput(file: string, readStdin: () => Promise<string>): Promise<string> {
  if (file === '-') return readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

/** A YAML or JSON document (JSON is YAML) that must be an object. */
export function parseDocument(text: string, source: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${source} is neither valid YAML nor JSON: ${reason ?? ''}`);
  }
  if (!isJsonObject(parsed)) {
    throw new UsageError(`${source} must hold an object (a mapping), not ${kindOf(parsed)}`);
  }
  return parsed;
}

/** Reads and parses `-f <file>`. */
export async function readDocument(
  file: string,
  readStdin: () => Promise<string>,
): Promise<JsonObject> {
  return parseDocument(await readInput(file, readStdin), file === '-' ? 'standard input' : file);
}

/**
 * The document under `key` when the file wraps it (`{spec: ...}`, as the request body has
 * it), else the document itself (the bare spec, which has no such field).
 */
export function unwrap(document: JsonObject, key: string): JsonObject {
  const inner = document[key];
  return isJsonObject(inner) ? inner : document;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
