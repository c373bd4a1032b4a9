/**
 * The exit codes scripts rely on (documented in `tessera --help` and the README), and the errors
 * that carry them. Every failure the CLI reports is one of these classes; anything else is a
 * bug and leaves with code 1.
 */
export const ExitCode = {
  ok: 0,
  /** Bad flags or arguments, an unreadable file, a broken config file. */
  usage: 1,
  /** The server refused the request (4xx other than 401, 403, 404). */
  refused: 2,
  notFound: 3,
  /** 401 or 403: no token, an unknown or revoked one, or a missing role. */
  auth: 4,
  /** 5xx, connection refused, no answer in time. */
  unavailable: 5,
  /** `--wait` ended in Failed, or did not end in time. */
  waitFailed: 6,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI explains on stderr and exits with. */
export abstract class CliError extends Error {
  abstract readonly exitCode: ExitCode;
  /** Extra lines printed under the message (field problems, hints). */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
    this.name = new.target.name;
  }
}

/** Bad usage, or a local problem: a file that cannot be read or parsed. */
export class UsageError extends CliError {
  readonly exitCode = ExitCode.usage;
}

/** One request field the server named as wrong. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem document, as every error of the API answers. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldProblem[];
}

/** The server answered with an error status. */
export class ApiError extends CliError {
  readonly exitCode: ExitCode;

  constructor(
    readonly problem: Problem,
    hints: readonly string[] = [],
  ) {
    super(`${headline(problem)} (${problem.status} ${problem.code})`, [
      ...(problem.errors ?? []).map((error) => `${error.field}: ${error.message}`),
      ...hints,
    ]);
    this.exitCode = exitCodeOfStatus(problem.status);
  }
}

/** The server could not be reached, or did not answer in time. */
export class UnavailableError extends CliError {
  readonly exitCode = ExitCode.unavailable;
}

/** `--wait` saw the composition fail, or gave up waiting. */
export class WaitFailedError extends CliError {
  readonly exitCode = ExitCode.waitFailed;
}

/**
 * The detail's first line when the field problems follow: some details list them too
 * ("the manifest has 2 problems:\n  name: …"), and they are printed once, one a line.
 */
function headline(problem: Problem): string {
  const [first = ''] = problem.detail.split('\n');
  return problem.errors !== undefined && problem.errors.length > 0 ? first : problem.detail;
}

export function exitCodeOfStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 404) return ExitCode.notFound;
  if (status >= 500) return ExitCode.unavailable;
  if (status >= 400) return ExitCode.refused;
  return ExitCode.ok;
}

/** The help text's table of exit codes. */
export const exitCodesHelp = `Exit codes:
  0  success
  1  usage or local error (bad flags, unreadable file)
  2  the server refused the request (4xx: the problem's detail and each field are printed)
  3  not found (404)
  4  authentication or authorization failed (401, 403)
  5  server or network failure (5xx, connection refused, timeout)
  6  --wait ended in Failed, or timed out`;
