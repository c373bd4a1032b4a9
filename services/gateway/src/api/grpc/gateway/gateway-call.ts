import {
  type handleServerStreamingCall,
  type handleUnaryCall,
  type ServerWritableStream,
  status,
} from '@grpc/grpc-js';
import type { Authenticators } from '../../../application/auth/authenticate.js';
import type { AuditLog } from '../../../application/ports/audit-log.js';
import { anyTenant, decideAccess, type Principal, type Role } from '../../../domain/access.js';
import { bearerCaller, correlationIdOf } from '../bearer-caller.js';
import { recordGrpcCall } from '../grpc-audit.js';
import { permissionDenied } from '../grpc-refusal.js';
import { gatewayFailureOf } from './gateway-failure.js';

export interface GatewayCallDeps {
  readonly authenticators: Authenticators;
  readonly audit: AuditLog;
  /** Aborts when the server stops: open streams then end, so that the server can. */
  readonly closing: AbortSignal;
}

/**
 * What a GatewayService method needs before its handler runs, as REST's `@Requires`: the role
 * on some tenant (handlers then check what the request names). Commands are audited.
 */
export interface GatewayMethod {
  readonly path: string;
  readonly role: Role;
  readonly command: boolean;
}

export interface GatewayCaller {
  readonly principal: Principal;
  /** Records the tenant a command touched, for the audit log (`*` unless called). */
  touch(tenant: string): void;
}

/** Where a streaming handler writes its answers. */
export interface AnswerStream<Res> {
  /** Resolves once the answer is taken (waits while the client is slow to read). */
  write(response: Res): Promise<void>;
  /** Aborts when the client cancels the call or the server stops. */
  readonly stop: AbortSignal;
}

/**
 * A unary method: authenticates the bearer metadata (UNAUTHENTICATED), checks the method's role
 * (PERMISSION_DENIED, REST's message), runs `handle`, maps its failure to a status. A command is
 * recorded in the audit log with how it was answered, refusals included, as REST records one;
 * a call without a valid caller has no actor and is not.
 */
export function unaryGatewayCall<Req, Res>(
  method: GatewayMethod,
  deps: GatewayCallDeps,
  handle: (request: Req, caller: GatewayCaller) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const correlationId = correlationIdOf(call.metadata);
    let principal: Principal | undefined;
    let tenant = anyTenant;
    const audit = (code: status): void => {
      if (!method.command || principal === undefined) return;
      recordGrpcCall(deps.audit, {
        actor: principal.subject,
        tenant,
        path: method.path,
        code,
        correlationId,
      });
    };
    const answer = async (): Promise<Res> => {
      principal = await bearerCaller(call.metadata, deps.authenticators);
      requireRole(principal, method.role);
      return handle(call.request, {
        principal,
        touch: (touched) => {
          tenant = touched;
        },
      });
    };
    answer().then(
      (response) => {
        audit(status.OK);
        callback(null, response);
      },
      (error: unknown) => {
        const failure = gatewayFailureOf(error);
        audit(failure.code);
        callback(failure);
      },
    );
  };
}

/**
 * A server-streaming read: authenticated and checked as a unary method, then `handle` writes
 * its answers; the stream ends when it returns (a following one when the server stops, and the
 * client resumes elsewhere), or fails with its error mapped to a status.
 */
export function streamingGatewayCall<Req, Res>(
  method: Omit<GatewayMethod, 'command'>,
  deps: GatewayCallDeps,
  handle: (request: Req, caller: GatewayCaller, answers: AnswerStream<Res>) => Promise<void>,
): handleServerStreamingCall<Req, Res> {
  return (call) => {
    const cancelled = new AbortController();
    call.on('cancelled', () => {
      cancelled.abort();
    });
    const answers = answerStream(call, AbortSignal.any([cancelled.signal, deps.closing]));
    const serve = async (): Promise<void> => {
      const principal = await bearerCaller(call.metadata, deps.authenticators);
      requireRole(principal, method.role);
      await handle(call.request, { principal, touch: () => undefined }, answers);
    };
    serve().then(
      () => {
        if (!cancelled.signal.aborted) call.end();
      },
      (error: unknown) => {
        if (!cancelled.signal.aborted) call.emit('error', gatewayFailureOf(error));
      },
    );
  };
}

function answerStream<Req, Res>(
  call: ServerWritableStream<Req, Res>,
  stop: AbortSignal,
): AnswerStream<Res> {
  return {
    stop,
    write: (response) =>
      call.write(response) || stop.aborted
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const resume = (): void => {
              call.off('drain', resume);
              stop.removeEventListener('abort', resume);
              resolve();
            };
            call.on('drain', resume);
            stop.addEventListener('abort', resume, { once: true });
          }),
  };
}

/** The method's own role on some tenant, worded as REST's guard words it. */
function requireRole(principal: Principal, role: Role): void {
  if (decideAccess(principal, { role, on: 'shared' }) !== 'allowed') {
    throw permissionDenied(`this needs the ${role} role; the caller does not hold it`);
  }
}
