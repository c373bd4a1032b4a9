import type { FieldProblem, Problem } from '../errors.js';

/**
 * The problem document of an error answer. A body that is not one (a proxy's HTML page, an
 * empty 502) still yields a problem: its status, and the first line of the text as the detail.
 */
export function problemOf(status: number, statusText: string, text: string): Problem {
  const parsed = parseJson(text);
  if (isRecord(parsed) && typeof parsed.detail === 'string') {
    return {
      status,
      detail: parsed.detail,
      code: typeof parsed.code === 'string' ? parsed.code : codeOfStatus(status),
      ...(typeof parsed.type === 'string' && { type: parsed.type }),
      ...(typeof parsed.title === 'string' && { title: parsed.title }),
      ...(Array.isArray(parsed.errors) && { errors: parsed.errors.filter(isFieldProblem) }),
    };
  }
  const firstLine = text.trim().split('\n')[0]?.slice(0, 200) ?? '';
  return {
    status,
    detail: firstLine === '' ? statusText || `HTTP ${status}` : firstLine,
    code: codeOfStatus(status),
  };
}

function codeOfStatus(status: number): string {
  return `HTTP_${status}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
