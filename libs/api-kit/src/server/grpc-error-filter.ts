import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import {
  type GrpcErrorMapping,
  type GrpcFailure,
  grpcFailureOf,
  internalFailure,
} from './grpc-failure.js';

/**
 * The one place where a service's errors become gRPC statuses, by the service's mapping
 * (`{ provide: APP_FILTER, useValue: new GrpcErrorFilter(mapping, 'InventoryGrpc') }`). What it
 * emits is what an `RpcException` carries: grpc-js sends `code`, `details` and the ErrorDetail
 * trailers. Unexpected errors are logged here and reach the client as INTERNAL without their
 * message.
 */
@Catch()
export class GrpcErrorFilter implements RpcExceptionFilter {
  private readonly logger: Logger;

  constructor(
    private readonly mapping: GrpcErrorMapping,
    loggerContext: string,
  ) {
    this.logger = new Logger(loggerContext);
  }

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    const failure = grpcFailureOf(exception, this.mapping) ?? this.passedThrough(exception);
    if (failure !== undefined) return throwError(() => failure);
    this.logger.error(
      'unexpected error in a gRPC handler',
      exception instanceof Error ? exception.stack : String(exception),
    );
    return throwError(() => internalFailure(this.mapping));
  }

  /** An RpcException that already carries a gRPC status is sent as it is. */
  private passedThrough(exception: unknown): GrpcFailure | undefined {
    if (!(exception instanceof RpcException)) return undefined;
    const error = exception.getError();
    return typeof error === 'object' && typeof (error as { code?: unknown }).code === 'number'
      ? (error as GrpcFailure)
      : undefined;
  }
}
