import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { isTesseraError } from '@tessera/errors';
import type { HttpResponse } from './http-types.js';
import { isServiceError, problemOfServiceError } from './grpc-problem.js';
import { ApiProblem, type ProblemDocument, problemDocument } from './problem.js';

/** The HTTP status of the gateway's own error codes. */
const statusByCode: Readonly<Record<string, number>> = {
  TOKEN_NAME_TAKEN: 409,
  TOKEN_NOT_FOUND: 404,
  FORBIDDEN: 403,
  IDENTITY_PROVIDER_UNAVAILABLE: 503,
  INVALID_LOG_POSITION: 400,
};

/**
 * Every error leaves as `application/problem+json`: the API layer's problems as raised, a
 * service's gRPC failure mapped with its field violations, the gateway's own errors by code,
 * framework errors (unknown route, unreadable body) by status; anything else is a 500 whose
 * detail says nothing of internals, and is logged.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const problem = this.problemOf(error);
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private problemOf(error: unknown): ProblemDocument {
    if (error instanceof ApiProblem) {
      return problemDocument(error.status, error.code, error.message, { errors: error.errors });
    }
    if (isServiceError(error)) return problemOfServiceError(error);
    const ownStatus = isTesseraError(error) ? statusByCode[error.code] : undefined;
    if (isTesseraError(error) && ownStatus !== undefined) {
      return problemDocument(ownStatus, error.code, error.message);
    }
    if (error instanceof HttpException) {
      // The Express adapter wraps body-parser's errors (unreadable JSON, too large) as causes.
      const cause = error.cause as { type?: unknown } | undefined;
      return typeof cause?.type === 'string'
        ? bodyProblem(error.getStatus(), cause.type, error.message)
        : frameworkProblem(error.getStatus(), error.message);
    }
    this.logger.error(
      'a request failed unexpectedly',
      error instanceof Error ? error.stack : String(error),
    );
    return problemDocument(500, 'INTERNAL', 'the gateway failed to answer; see its log');
  }
}

function frameworkProblem(status: number, message: string): ProblemDocument {
  if (status === 404) return problemDocument(404, 'ROUTE_NOT_FOUND', message);
  if (status === 405) return problemDocument(405, 'METHOD_NOT_ALLOWED', message);
  if (status === 413) {
    return problemDocument(413, 'BODY_TOO_LARGE', 'the request body is larger than allowed');
  }
  return problemDocument(status, status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message);
}

/** body-parser's errors: an unreadable, too large or unsupported request body. */
function bodyProblem(status: number, type: string, message: string): ProblemDocument {
  if (type === 'entity.parse.failed') {
    return problemDocument(400, 'INVALID_JSON', `the request body is not valid JSON: ${message}`);
  }
  if (status === 413) return frameworkProblem(413, message);
  if (status === 415) return problemDocument(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  return problemDocument(status, 'BAD_REQUEST', message);
}
