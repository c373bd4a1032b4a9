/** @tessera/api-kit/test-support: gRPC calls for a service's tests. */
export {
  failureOf,
  healthStatus,
  reflectionListServices,
  unary,
  violatedFields,
} from './grpc-calls.js';
