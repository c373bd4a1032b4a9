import { status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import {
  type GrpcErrorMapping,
  type GrpcFailure,
  grpcFailureOf,
  internalFailure,
} from '@tessera/api-kit/server';
import { GrpcRefusal } from '../grpc-refusal.js';

const logger = new Logger('Gateway');

/** The gRPC status of the gateway's own error codes (`*_NOT_FOUND` is NOT_FOUND by itself). */
const mapping: GrpcErrorMapping = {
  statusByCode: {
    FORBIDDEN: status.PERMISSION_DENIED,
    TOKEN_NAME_TAKEN: status.ALREADY_EXISTS,
    INVALID_LOG_POSITION: status.INVALID_ARGUMENT,
    IDENTITY_PROVIDER_UNAVAILABLE: status.UNAVAILABLE,
  },
  internalMessage: 'the gateway failed to answer; see its log',
};

/**
 * What a GatewayService call that failed sends: a refusal of the API layer as raised, the
 * gateway's own errors by code (with the same message REST answers), anything else INTERNAL
 * with nothing of internals, logged.
 */
export function gatewayFailureOf(error: unknown): GrpcFailure {
  if (error instanceof GrpcRefusal) return error.toStatus();
  const known = grpcFailureOf(error, mapping);
  if (known !== undefined) return known;
  logger.error(
    'a GatewayService call failed unexpectedly',
    error instanceof Error ? error.stack : String(error),
  );
  return internalFailure(mapping);
}
