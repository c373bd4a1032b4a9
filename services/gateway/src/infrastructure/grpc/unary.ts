import { type CallOptions, type ClientUnaryCall, Metadata, type ServiceError } from '@grpc/grpc-js';

/** Who a forwarded call acts for: recorded by the service with the events it appends. */
export interface CallContext {
  readonly actor: string;
  readonly correlationId: string;
}

type Callback<Res> = (error: ServiceError | null, response: Res) => void;

/** How long a forwarded call may take before the gateway answers 504. */
export const callDeadlineMs = 30_000;

/**
 * One unary call as a promise, carrying the caller as `x-actor` and `x-correlation-id` and a
 * deadline. A failed call rejects with the ServiceError (mapped to problem+json by the filter).
 */
export function unaryCall<Res>(
  context: CallContext,
  invoke: (
    metadata: Metadata,
    options: Partial<CallOptions>,
    callback: Callback<Res>,
  ) => ClientUnaryCall,
): Promise<Res> {
  const metadata = new Metadata();
  metadata.set('x-actor', context.actor);
  metadata.set('x-correlation-id', context.correlationId);
  return new Promise((resolve, reject) => {
    invoke(metadata, { deadline: Date.now() + callDeadlineMs }, (error, response) => {
      if (error === null) resolve(response);
      else reject(error);
    });
  });
}
