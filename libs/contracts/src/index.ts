/**
 * Tessera's contracts: message types, binary codecs and @grpc/grpc-js service definitions,
 * generated from proto/ into ./gen by `npx nx run contracts:codegen` (docs/proto.md).
 *
 * One namespace per proto package, named after its context: `common` is `tessera.common.v1`,
 * so `common.EventEnvelope` is both the TypeScript type and its codec
 * (`common.EventEnvelope.encode(envelope).finish()`). A future v2 package becomes `commonV2`.
 */
export * as common from './gen/index.tessera.common.v1.js';
export * as inventory from './gen/index.tessera.inventory.v1.js';
export * as composer from './gen/index.tessera.composer.v1.js';
export * as gateway from './gen/index.tessera.gateway.v1.js';
export {
  ERROR_DETAIL_METADATA_KEY,
  errorDetailMetadata,
  readErrorDetail,
} from './error-detail-metadata.js';
