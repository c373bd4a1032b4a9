import { TesseraError } from '@tessera/errors';
import type { UnschedulableGroup } from '@tessera/composer-domain';

/** No devices for the new group on the composition's host: nothing was reserved or stored. */
export class ExpansionUnschedulableError extends TesseraError<'COMPOSITION_UNSCHEDULABLE'> {
  readonly code = 'COMPOSITION_UNSCHEDULABLE';

  constructor(
    readonly compositionId: string,
    readonly group: string,
    readonly reason: string,
    /** Per group, why the scheduler found nothing (which filter removed how many devices). */
    readonly groups: readonly UnschedulableGroup[],
  ) {
    super(
      `group "${group}" does not fit on the host of composition "${compositionId}": ${reason}` +
        groups.map(({ group: name, why }) => `; ${name}: ${why}`).join(''),
    );
  }
}
