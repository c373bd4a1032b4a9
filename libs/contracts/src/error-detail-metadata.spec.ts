import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  type common,
  ERROR_DETAIL_METADATA_KEY,
  errorDetailMetadata,
  readErrorDetail,
} from './index.js';

const detail: common.ErrorDetail = {
  code: 'INVALID_REQUEST',
  message: 'The request has 2 invalid fields.',
  fieldViolations: [
    { field: 'request_groups[0].count', code: 'OUT_OF_RANGE', description: 'Must be 1 to 64.' },
    { field: 'name', code: 'REQUIRED', description: 'Give the composition a name.' },
  ],
  metadata: { tenant: 'finance' },
};

describe('ErrorDetail in gRPC trailers', () => {
  it('reads back the detail it attached', () => {
    expect(readErrorDetail(errorDetailMetadata(detail))).toEqual(detail);
  });

  it('answers undefined for trailers without a detail', () => {
    expect(readErrorDetail(new Metadata())).toBeUndefined();
  });

  it('answers undefined for a detail that is not an ErrorDetail encoding', () => {
    const metadata = new Metadata();
    metadata.set(ERROR_DETAIL_METADATA_KEY, Buffer.from([0xff, 0xff, 0xff]));

    expect(readErrorDetail(metadata)).toBeUndefined();
  });
});
