/**
 * The base of every error Tessera raises on purpose. `code` is stable (callers and the API layer
 * switch over it: one filter per transport maps codes to problem+json or gRPC statuses); the
 * message says what is wrong and, where it helps, what to do. Unexpected failures (a bug, a
 * driver error) are not TesseraErrors and are rethrown unchanged.
 */
export abstract class TesseraError<TCode extends string = string> extends Error {
  abstract readonly code: TCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isTesseraError(error: unknown): error is TesseraError {
  return error instanceof TesseraError;
}
