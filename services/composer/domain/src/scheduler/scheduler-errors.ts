import { TesseraError } from '@tessera/errors';

/** The scheduler's configuration names an unknown or misplaced plugin, or a bad setting. */
export class InvalidSchedulerConfigError extends TesseraError<'INVALID_SCHEDULER_CONFIG'> {
  readonly code = 'INVALID_SCHEDULER_CONFIG';

  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`scheduler configuration, "${setting}": ${problem}`);
  }
}
