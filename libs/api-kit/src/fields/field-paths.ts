import { InvalidQueryError } from './invalid-query-error.js';

/** A request argument the API layer refuses before calling the application. */
export function invalidArgument(field: string, message: string): InvalidQueryError {
  return new InvalidQueryError([{ field, message }]);
}

/**
 * A field path as the application names it (`intervalSeconds`, `labels["rack/row"]`) in proto
 * field names (`interval_seconds`); what is inside brackets (map keys, indexes) is kept.
 */
export function protoFieldPath(field: string): string {
  return field.replace(
    /(\[[^\]]*\])|([a-z0-9])([A-Z])/g,
    (_match: string, bracket: string | undefined, before: string, upper: string) =>
      bracket ?? `${before}_${upper.toLowerCase()}`,
  );
}

/** How the application names a list's paging arguments, and where a request carries them. */
export const pageFields: Readonly<Record<string, string>> = {
  limit: 'page.page_size',
  cursor: 'page.page_token',
};

/**
 * Runs a query whose arguments the request carries under other names: an `InvalidQueryError`
 * is rethrown naming the request's fields (`rename[field]`, else the field unchanged).
 */
export async function withRequestFields<T>(
  work: Promise<T>,
  rename: Readonly<Record<string, string>>,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof InvalidQueryError)) throw error;
    throw new InvalidQueryError(
      error.problems.map((problem) => ({
        ...problem,
        field: rename[problem.field] ?? problem.field,
      })),
    );
  }
}
