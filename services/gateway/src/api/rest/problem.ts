/** One request field that is wrong, named as the client sent it (`spec.groups[0].count`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem details document, as the API answers every error. */
export interface ProblemDocument {
  /** A stable URI naming the kind of problem: `urn:tessera:problem:<code>`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The stable error code a script can branch on (`COMPOSITION_NOT_FOUND`). */
  readonly code: string;
  /** Every bad field, for validation problems. */
  readonly errors?: readonly FieldProblem[];
  /** Facts a client may act on, such as the current version after a conflict. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Thrown by the API layer for an answer that is an error; the filter writes it as is. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

export function problemDocument(
  status: number,
  code: string,
  detail: string,
  extra: Pick<ProblemDocument, 'errors' | 'metadata'> = {},
): ProblemDocument {
  return {
    type: `urn:tessera:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf(status),
    status,
    detail,
    code,
    ...(extra.errors !== undefined && extra.errors.length > 0 && { errors: extra.errors }),
    ...(extra.metadata !== undefined &&
      Object.keys(extra.metadata).length > 0 && { metadata: extra.metadata }),
  };
}

const titles: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function titleOf(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
