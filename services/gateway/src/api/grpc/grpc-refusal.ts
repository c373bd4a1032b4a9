import { type Metadata, status } from '@grpc/grpc-js';
import { type common, errorDetailMetadata } from '@tessera/contracts';

/** A call the gateway refuses before forwarding it, as gRPC clients of the services read one. */
export class GrpcRefusal extends Error {
  constructor(
    readonly code: status,
    readonly errorCode: string,
    message: string,
    readonly fieldViolations: readonly common.FieldViolation[] = [],
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
        fieldViolations: [...this.fieldViolations],
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

/** A request field that is wrong, in proto names (`grants[1]`), as REST words it. */
export interface BadField {
  readonly field: string;
  readonly description: string;
}

/** INVALID_ARGUMENT naming every bad field, as REST's 400 does: nothing was changed. */
export const invalidArgument = (fields: readonly BadField[]) =>
  new GrpcRefusal(
    status.INVALID_ARGUMENT,
    'VALIDATION_FAILED',
    `the request is invalid: ${[...new Set(fields.map((bad) => bad.field))].join(', ')}`,
    fields.map((bad) => ({ field: bad.field, code: 'INVALID', description: bad.description })),
  );
