import { Inject, Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { AuditLog } from '../../application/ports/audit-log.js';
import type { HttpRequest } from './http-types.js';
import { auditLogToken } from './tokens.js';

type RoutedRequest = HttpRequest & { originalUrl: string; route?: { path?: string } };

interface FinishingResponse {
  readonly statusCode: number;
  once(event: 'finish', listener: () => void): unknown;
}

const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every command (any method but GET, HEAD and OPTIONS) an authenticated caller sent,
 * with the status it was answered, once the answer is written: refusals by role or tenant are
 * recorded too (unauthenticated ones have no actor and are not). The services record the same
 * actor in the events a command appended; this log adds what was refused, and answers "who did
 * what, when" per tenant without reading every service's events.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Audit');

  constructor(@Inject(auditLogToken) private readonly audit: AuditLog) {}

  use(request: RoutedRequest, response: FinishingResponse, next: () => void): void {
    if (!reads.has(request.method)) {
      response.once('finish', () => {
        this.record(request, response.statusCode);
      });
    }
    next();
  }

  private record(request: RoutedRequest, outcome: number): void {
    const { principal, correlationId } = request;
    if (principal === undefined || correlationId === undefined) return;
    const [path = request.originalUrl] = request.originalUrl.split('?');
    this.audit
      .record({
        actor: principal.subject,
        tenant: request.auditTenant ?? '*',
        action: `${request.method} ${request.route?.path ?? path}`,
        resource: path,
        outcome,
        correlationId,
      })
      .catch((error: unknown) => {
        this.logger.error(
          `an audit entry was not written: ${request.method} ${path} by ${principal.subject}`,
          error instanceof Error ? error.stack : String(error),
        );
      });
  }
}
