import { status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import type { AuditLog } from '../../application/ports/audit-log.js';
import { httpStatusOfGrpc } from '../rest/grpc-problem.js';

const auditLogger = new Logger('Audit');

/** A gRPC command an authenticated caller sent, and how it was answered. */
export interface AnsweredGrpcCall {
  readonly actor: string;
  /** The tenant it touched; `*` for platform-wide ones or when refused before that was known. */
  readonly tenant: string;
  /** `/tessera.composer.v1.ComposerService/ExpandComposition`. */
  readonly path: string;
  readonly code: status;
  readonly correlationId: string;
}

/**
 * Writes the audit entry of a gRPC command as REST writes one (the outcome is the HTTP status
 * of the gRPC status). A failed write is logged, never the caller's failure: the command was
 * answered already.
 */
export function recordGrpcCall(audit: AuditLog, call: AnsweredGrpcCall): void {
  audit
    .record({
      actor: call.actor,
      tenant: call.tenant,
      action: `gRPC ${call.path}`,
      resource: call.path,
      outcome: call.code === status.OK ? 200 : httpStatusOfGrpc(call.code),
      correlationId: call.correlationId,
    })
    .catch((error: unknown) => {
      auditLogger.error(
        `an audit entry was not written: ${call.path} by ${call.actor}`,
        error instanceof Error ? error.stack : String(error),
      );
    });
}
