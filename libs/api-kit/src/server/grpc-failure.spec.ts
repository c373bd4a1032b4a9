import { status } from '@grpc/grpc-js';
import { readErrorDetail } from '@tessera/contracts';
import { TesseraError } from '@tessera/errors';
import { describe, expect, it } from 'vitest';
import {
  fieldViolation,
  type GrpcErrorMapping,
  grpcFailureOf,
  internalFailure,
} from './grpc-failure.js';

class WidgetError extends TesseraError {
  constructor(
    readonly code: string,
    readonly field = '',
  ) {
    super(`widget trouble (${code})`);
  }
}

const mapping: GrpcErrorMapping = {
  statusByCode: { WIDGET_BUSY: status.ABORTED },
  fieldViolationsOf: (error) =>
    error instanceof WidgetError && error.field !== '' ? [fieldViolation(error.field, 'bad')] : [],
  metadataOf: (error): Record<string, string> =>
    error instanceof WidgetError ? { widget: 'w-1' } : {},
  internalMessage: 'the widget service failed to answer',
};

describe('gRPC failures by a service mapping', () => {
  it('sends a mapped code with its status, and the ErrorDetail its hooks describe', () => {
    const failure = grpcFailureOf(new WidgetError('WIDGET_BUSY', 'size'), mapping);
    expect(failure?.code).toBe(status.ABORTED);
    expect(failure?.details).toBe('widget trouble (WIDGET_BUSY)');
    expect(readErrorDetail(failure!.metadata)).toEqual({
      code: 'WIDGET_BUSY',
      message: 'widget trouble (WIDGET_BUSY)',
      fieldViolations: [{ field: 'size', code: 'INVALID', description: 'bad' }],
      metadata: { widget: 'w-1' },
    });
  });

  it('finds NOT_FOUND by the code suffix, and needs no hooks', () => {
    const failure = grpcFailureOf(new WidgetError('WIDGET_NOT_FOUND'), {
      statusByCode: {},
      internalMessage: 'x',
    });
    expect(failure?.code).toBe(status.NOT_FOUND);
    expect(readErrorDetail(failure!.metadata)?.fieldViolations).toEqual([]);
  });

  it('leaves unknown codes and foreign errors to INTERNAL, which tells nothing of them', () => {
    expect(grpcFailureOf(new WidgetError('WIDGET_MELTED'), mapping)).toBeUndefined();
    expect(grpcFailureOf(new Error('connect ECONNREFUSED 10.0.0.7:5432'), mapping)).toBeUndefined();
    expect(grpcFailureOf({ code: 'WIDGET_BUSY' }, mapping)).toBeUndefined();
    const internal = internalFailure(mapping);
    expect(internal.code).toBe(status.INTERNAL);
    expect(internal.details).toBe('the widget service failed to answer');
    expect(readErrorDetail(internal.metadata)?.code).toBe('INTERNAL');
  });
});
