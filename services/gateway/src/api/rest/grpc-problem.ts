import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { readErrorDetail } from '@tessera/contracts';
import { type ProblemDocument, problemDocument } from './problem.js';

/**
 * How a service's gRPC status reads over HTTP. RESOURCE_EXHAUSTED (a quota or the pools are
 * full) is 409, not 429: waiting does not help, freeing capacity or raising the quota does.
 */
const httpStatusOf: Readonly<Partial<Record<status, number>>> = {
  [status.INVALID_ARGUMENT]: 400,
  [status.OUT_OF_RANGE]: 400,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.ABORTED]: 409,
  [status.FAILED_PRECONDITION]: 409,
  [status.RESOURCE_EXHAUSTED]: 409,
  [status.PERMISSION_DENIED]: 403,
  [status.UNAUTHENTICATED]: 401,
  [status.UNIMPLEMENTED]: 501,
  [status.UNAVAILABLE]: 503,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.CANCELLED]: 503,
};

export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof Error &&
    typeof (error as Partial<ServiceError>).code === 'number' &&
    (error as Partial<ServiceError>).metadata instanceof Metadata
  );
}

/**
 * The problem a failed service call becomes: its status mapped, its ErrorDetail's code and
 * message, and its field violations renamed from proto's snake_case to the API's camelCase.
 * An internal failure keeps the service's generic message (it never carries internals).
 */
export function problemOfServiceError(error: ServiceError): ProblemDocument {
  const detail = readErrorDetail(error.metadata);
  const httpStatus = httpStatusOfGrpc(error.code);
  if (detail === undefined) {
    const code = httpStatus === 503 ? 'SERVICE_UNAVAILABLE' : status[error.code];
    const text =
      httpStatus === 503 ? 'a service behind the gateway is not reachable; retry' : error.details;
    return problemDocument(httpStatus, code, text);
  }
  return problemDocument(httpStatus, detail.code, detail.message, {
    errors: detail.fieldViolations.map((violation) => ({
      field: camelPath(violation.field),
      message: violation.description,
    })),
    metadata: detail.metadata,
  });
}

/** The HTTP status a gRPC status reads as (500 for those with no closer meaning). */
export function httpStatusOfGrpc(code: status): number {
  return httpStatusOf[code] ?? 500;
}

/** `spec.groups[0].max_hops` → `spec.groups[0].maxHops`; map keys in brackets stay as they are. */
export function camelPath(path: string): string {
  return path.replace(
    /(^|[.])([a-z0-9_]+)/g,
    (_whole, dot: string, name: string) =>
      dot + name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()),
  );
}
