import { TesseraError } from '@tessera/errors';

/**
 * Admitting the request would take the tenant past its limit for a device kind. Nothing was
 * reserved; the composition fails with this reason (or waits for the tenant to let go).
 */
export class QuotaExceededError extends TesseraError<'QUOTA_EXCEEDED'> {
  readonly code = 'QUOTA_EXCEEDED';

  constructor(
    readonly tenant: string,
    readonly kind: string,
    readonly limit: number,
    readonly inUse: number,
    readonly asked: number,
    options?: ErrorOptions,
  ) {
    super(
      `tenant ${tenant} may hold ${limit} ${kind} device(s), holds ${inUse} and asks for ${asked} more`,
      options,
    );
  }
}

/** A quota setting that cannot be stored; `field` names the bad argument. Nothing changed. */
export class InvalidQuotaError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(
    readonly field: 'tenant' | 'kind' | 'maxDevices',
    readonly problem: string,
  ) {
    super(`quota ${field}: ${problem}`);
  }
}
