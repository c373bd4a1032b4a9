/** @tessera/api-kit/server: the NestJS gRPC plumbing every Tessera service shares. */
export { GrpcErrorFilter } from './grpc-error-filter.js';
export {
  fieldViolation,
  type GrpcErrorMapping,
  type GrpcFailure,
  grpcFailureOf,
  internalErrorCode,
  internalFailure,
} from './grpc-failure.js';
export { errorText, structuredLogger } from './structured-logger.js';
export { findFreePort } from './free-port.js';
export {
  type ConfigProblem,
  ConfigInvalidError,
  readEnvironment,
  ServiceEnvironment,
  serviceVariables,
} from './service-environment.js';
export { servicePool } from './service-pool.js';
