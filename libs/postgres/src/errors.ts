/**
 * Postgres failures that say "the database is unreachable or going away", not "this request is
 * wrong": connection exceptions (class 08), operator intervention such as a terminated backend
 * or a shutdown (57P01-57P03), and socket-level errors. Work that fails this way is retried
 * later as it is; it is never dead-lettered.
 */
const transientSqlStates = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01']);
const transientSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);

export function isTransientPostgresError(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || transientSqlStates.has(code) || transientSocketCodes.has(code)) {
      return true;
    }
  }
  return /Connection terminated|connection (is )?closed|Client has encountered a connection error/i.test(
    error.message,
  );
}
