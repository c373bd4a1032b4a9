import { Metadata } from '@grpc/grpc-js';
import { ErrorDetail } from './gen/tessera/common/v1/error_detail.js';

/**
 * The trailing-metadata key that carries a binary-encoded `tessera.common.v1.ErrorDetail` next
 * to a failed call's gRPC status (docs/proto.md, "Errors"). The `-bin` suffix tells gRPC that
 * the value is binary.
 */
export const ERROR_DETAIL_METADATA_KEY = 'tessera-error-bin';

/** Metadata to send as the trailers of a failed call: `callback({ code, details, metadata })`. */
export function errorDetailMetadata(detail: ErrorDetail): Metadata {
  const metadata = new Metadata();
  metadata.set(ERROR_DETAIL_METADATA_KEY, Buffer.from(ErrorDetail.encode(detail).finish()));
  return metadata;
}

/**
 * The ErrorDetail a failed call's trailers carry, or undefined when they carry none or an
 * undecodable one (a failure raised outside Tessera's handlers, such as a deadline or a proxy).
 * Callers then fall back to the gRPC status code and details text.
 */
export function readErrorDetail(metadata: Metadata): ErrorDetail | undefined {
  const [value] = metadata.get(ERROR_DETAIL_METADATA_KEY);
  if (!Buffer.isBuffer(value)) {
    return undefined;
  }
  try {
    return ErrorDetail.decode(value);
  } catch {
    return undefined;
  }
}
