import { parseDocument } from 'yaml';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error.js';

export type ManifestFormat = 'yaml' | 'json';

export type DecodedText =
  | { readonly ok: true; readonly document: unknown }
  | { readonly ok: false; readonly message: string };

/**
 * Turns manifest text into plain data. YAML is read as YAML 1.2 with unique keys; a text that is
 * not well formed yields one message naming the line of the first error.
 */
export function decodeText(text: string, format: ManifestFormat): DecodedText {
  switch (format) {
    case 'yaml':
      return decodeYaml(text);
    case 'json':
      return decodeJson(text);
  }
}

function decodeYaml(text: string): DecodedText {
  const document = parseDocument(text, { prettyErrors: true, logLevel: 'error' });
  const [error] = document.errors;
  if (error !== undefined) {
    const summary = (error.message.split('\n')[0] ?? '').replace(/:$/, '');
    return { ok: false, message: `not valid YAML: ${summary}` };
  }
  try {
    return { ok: true, document: document.toJS() };
  } catch (failure) {
    // Alias expansion beyond the library's limit (a "billion laughs" document) ends up here.
    return { ok: false, message: `not valid YAML: ${String(failure)}` };
  }
}

function decodeJson(text: string): DecodedText {
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (failure) {
    const located = findJsonSyntaxError(text);
    if (located === undefined) return { ok: false, message: `not valid JSON: ${String(failure)}` };
    const { line, column } = lineAndColumn(text, located.offset);
    return {
      ok: false,
      message: `not valid JSON at line ${line}, column ${column}: ${located.reason}`,
    };
  }
}
