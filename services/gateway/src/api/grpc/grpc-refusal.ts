import { type Metadata, status } from '@grpc/grpc-js';
import { errorDetailMetadata } from '@tessera/contracts';

/** A call the gateway refuses before forwarding it, as gRPC clients of the services read one. */
export class GrpcRefusal extends Error {
  constructor(
    readonly code: status,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'GrpcRefusal';
  }

  /** The status, its text, and the ErrorDetail trailer every Tessera service sends. */
  toStatus(): { code: status; details: string; metadata: Metadata } {
    return {
      code: this.code,
      details: this.message,
      metadata: errorDetailMetadata({
        code: this.errorCode,
        message: this.message,
        fieldViolations: [],
        metadata: {},
      }),
    };
  }
}

export const unauthenticated = (message: string) =>
  new GrpcRefusal(status.UNAUTHENTICATED, 'UNAUTHENTICATED', message);
export const permissionDenied = (message: string) =>
  new GrpcRefusal(status.PERMISSION_DENIED, 'FORBIDDEN', message);
export const notFound = (message: string) =>
  new GrpcRefusal(status.NOT_FOUND, 'NOT_FOUND', message);
export const unavailable = (message: string) =>
  new GrpcRefusal(status.UNAVAILABLE, 'IDENTITY_PROVIDER_UNAVAILABLE', message);
