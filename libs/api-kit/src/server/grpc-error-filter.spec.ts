import { Metadata, status } from '@grpc/grpc-js';
import { type ArgumentsHost, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { readErrorDetail } from '@tessera/contracts';
import { TesseraError } from '@tessera/errors';
import { firstValueFrom } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GrpcErrorFilter } from './grpc-error-filter.js';
import type { GrpcFailure } from './grpc-failure.js';

class BusyError extends TesseraError<'WIDGET_BUSY'> {
  readonly code = 'WIDGET_BUSY';
}

const filter = new GrpcErrorFilter(
  { statusByCode: { WIDGET_BUSY: status.ABORTED }, internalMessage: 'the widgets failed' },
  'WidgetGrpc',
);
const host = {} as ArgumentsHost;
const sent = (exception: unknown): Promise<GrpcFailure> =>
  firstValueFrom(filter.catch(exception, host)).then(
    () => {
      throw new Error('the filter emitted a value instead of an error');
    },
    (failure: unknown) => failure as GrpcFailure,
  );

describe('the gRPC error filter', () => {
  beforeAll(() => {
    // The filter logs what it hides; these tests look only at what it sends.
    Logger.overrideLogger(false);
  });

  it('sends a known error with its mapped status', async () => {
    const failure = await sent(new BusyError('the widget is busy'));
    expect(failure.code).toBe(status.ABORTED);
    expect(readErrorDetail(failure.metadata)?.code).toBe('WIDGET_BUSY');
  });

  it('sends an RpcException that carries a status as it is', async () => {
    const carried = { code: status.UNAVAILABLE, details: 'draining', metadata: new Metadata() };
    expect(await sent(new RpcException(carried))).toBe(carried);
  });

  it('sends anything else as INTERNAL, without its message', async () => {
    for (const exception of [new Error('password=hunter2'), new RpcException('plain text')]) {
      const failure = await sent(exception);
      expect(failure.code).toBe(status.INTERNAL);
      expect(failure.details).toBe('the widgets failed');
    }
  });
});
