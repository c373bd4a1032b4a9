import {
  type Client,
  type handleServerStreamingCall,
  type handleUnaryCall,
  Metadata,
  type MethodDefinition,
  type ServiceError,
  status,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { Authenticators } from '../../application/auth/authenticate.js';
import type { AuditLog } from '../../application/ports/audit-log.js';
import type { Principal } from '../../domain/access.js';
import { callDeadlineMs } from '../../infrastructure/grpc/unary.js';
import { authorizeCall, type TenantLookups } from './authorize-call.js';
import { bearerCaller, correlationIdOf } from './bearer-caller.js';
import { recordGrpcCall } from './grpc-audit.js';
import type { CallRule } from './grpc-access-rules.js';
import { GrpcRefusal } from './grpc-refusal.js';

/** A request as the gateway receives it: its bytes (forwarded as they came) and its message. */
export interface ReceivedRequest {
  readonly bytes: Buffer;
  readonly message: unknown;
}

/** What forwarding needs of a generated method definition. */
export interface ForwardableMethod {
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  requestDeserialize(bytes: Buffer): unknown;
  responseDeserialize(bytes: Buffer): unknown;
}

type AnyMethod = ForwardableMethod;

export interface ForwardingDeps {
  readonly authenticators: Authenticators;
  readonly lookups: TenantLookups;
  readonly audit: AuditLog;
  /** Called with each answer of `method` (decoded), e.g. to remember a reservation's tenant. */
  readonly onAnswer?: (method: string, request: unknown, response: unknown) => Promise<void>;
}

const readPrefixes = ['get', 'list', 'preview', 'watch'];

/**
 * The definition the public server offers for a service: the service's own methods, with the
 * request kept as bytes beside its decoded message, and the answer passed through as bytes.
 */
export function passThroughDefinition(
  service: Readonly<Record<string, AnyMethod>>,
): Record<string, MethodDefinition<ReceivedRequest, Buffer>> {
  return Object.fromEntries(
    Object.entries(service).map(([name, method]) => [
      name,
      {
        path: method.path,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        originalName: method.path.slice(method.path.lastIndexOf('/') + 1),
        requestSerialize: (request: ReceivedRequest) => request.bytes,
        requestDeserialize: (bytes: Buffer) => ({
          bytes,
          message: method.requestDeserialize(bytes),
        }),
        responseSerialize: (bytes: Buffer) => bytes,
        responseDeserialize: (bytes: Buffer) => bytes,
      },
    ]),
  );
}

/**
 * Handlers that authenticate each call (`authorization: Bearer <token>` metadata), check it
 * against `rules`, then forward it to `client` as the caller (`x-actor`), answering with the
 * service's answer or failure unchanged. Commands are recorded in the audit log.
 */
export function forwardingHandlers(
  service: Readonly<Record<string, AnyMethod>>,
  rules: Readonly<Record<string, CallRule>>,
  client: Client,
  deps: ForwardingDeps,
): UntypedServiceImplementation {
  const handlers: UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(service)) {
    const rule = rules[name];
    if (rule === undefined) throw new Error(`no access rule for ${method.path}`);
    handlers[name] = method.responseStream
      ? streamHandler(method, rule, client, deps)
      : unaryHandler(name, method, rule, client, deps);
  }
  return handlers;
}

interface Admitted {
  readonly principal: Principal;
  readonly tenant: string;
  readonly metadata: Metadata;
}

async function admit(
  incoming: Metadata,
  request: ReceivedRequest,
  rule: CallRule,
  deps: ForwardingDeps,
): Promise<Admitted> {
  const principal = await bearerCaller(incoming, deps.authenticators);
  const tenant = await authorizeCall(rule, request.message, principal, deps.lookups);
  const metadata = new Metadata();
  metadata.set('x-actor', principal.subject);
  metadata.set('x-correlation-id', correlationIdOf(incoming));
  return { principal, tenant, metadata };
}

function unaryHandler(
  name: string,
  method: AnyMethod,
  rule: CallRule,
  client: Client,
  deps: ForwardingDeps,
): handleUnaryCall<ReceivedRequest, Buffer> {
  const isCommand = !readPrefixes.some((prefix) => name.startsWith(prefix));
  return (call, callback) => {
    let admitted: Admitted | undefined;
    const finish = (error: Partial<ServiceError> | null, answer?: Buffer): void => {
      if (isCommand && admitted !== undefined)
        audit(deps, admitted, method, error?.code ?? status.OK);
      if (error === null) callback(null, answer);
      else callback(error);
    };
    admit(call.metadata, call.request, rule, deps)
      .then((admittedCall) => {
        admitted = admittedCall;
        client.makeUnaryRequest(
          method.path,
          (bytes: Buffer) => bytes,
          (bytes: Buffer) => bytes,
          call.request.bytes,
          admittedCall.metadata,
          { deadline: Date.now() + callDeadlineMs },
          (error, answer) => {
            if (error !== null || answer === undefined) {
              finish(error ?? { code: status.INTERNAL, details: 'no answer' });
              return;
            }
            const remembered = deps.onAnswer?.(
              name,
              call.request.message,
              method.responseDeserialize(answer),
            );
            void Promise.resolve(remembered).then(
              () => {
                finish(null, answer);
              },
              (failure: unknown) => {
                finish({ code: status.INTERNAL, details: String(failure) });
              },
            );
          },
        );
      })
      .catch((error: unknown) => {
        finish(refusalOf(error));
      });
  };
}

function streamHandler(
  method: AnyMethod,
  rule: CallRule,
  client: Client,
  deps: ForwardingDeps,
): handleServerStreamingCall<ReceivedRequest, Buffer> {
  return (call) => {
    admit(call.metadata, call.request, rule, deps)
      .then((admitted) => {
        const upstream = client.makeServerStreamRequest(
          method.path,
          (bytes: Buffer) => bytes,
          (bytes: Buffer) => bytes,
          call.request.bytes,
          admitted.metadata,
        );
        upstream.on('data', (bytes: Buffer) => call.write(bytes));
        upstream.on('error', (error: ServiceError) => {
          if (error.code !== status.CANCELLED) call.emit('error', error);
        });
        upstream.on('end', () => call.end());
        call.on('cancelled', () => {
          upstream.cancel();
        });
      })
      .catch((error: unknown) => {
        call.emit('error', refusalOf(error));
      });
  };
}

function refusalOf(error: unknown): Partial<ServiceError> {
  if (error instanceof GrpcRefusal) return error.toStatus();
  if (error instanceof Error && 'code' in error && error.code === 'IDENTITY_PROVIDER_UNAVAILABLE') {
    return { code: status.UNAVAILABLE, details: error.message };
  }
  return { code: status.INTERNAL, details: 'the gateway failed to forward the call; see its log' };
}

function audit(deps: ForwardingDeps, admitted: Admitted, method: AnyMethod, code: status): void {
  const [correlationId] = admitted.metadata.get('x-correlation-id');
  recordGrpcCall(deps.audit, {
    actor: admitted.principal.subject,
    tenant: admitted.tenant,
    path: method.path,
    code,
    correlationId: String(correlationId),
  });
}
