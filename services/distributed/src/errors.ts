import { TesseraError } from '@tessera/errors';

/** Why distributed mode could not start or run; `code` is stable, the message says what to do. */
export type DistributedErrorCode =
  | 'DISTRIBUTED_CONFIG_INVALID'
  | 'DISTRIBUTED_DATA_DIR_IN_USE'
  | 'DISTRIBUTED_BUILD_MISSING'
  | 'DISTRIBUTED_PROCESS_FAILED'
  | 'DISTRIBUTED_NOT_READY'
  | 'DISTRIBUTED_START_CANCELLED';

export class DistributedError extends TesseraError<DistributedErrorCode> {
  constructor(
    readonly code: DistributedErrorCode,
    message: string,
  ) {
    super(message);
  }
}
