import { TesseraError } from '@tessera/errors';
import type { ItemKind, SourceRef } from '@tessera/hardware';

export class ItemNotFoundError extends TesseraError<'INVENTORY_ITEM_NOT_FOUND'> {
  readonly code = 'INVENTORY_ITEM_NOT_FOUND';

  constructor(
    readonly kind: ItemKind,
    readonly id: string,
  ) {
    super(`no ${kind} with id "${id}" in the inventory`);
  }
}

export class ItemRetiredError extends TesseraError<'INVENTORY_ITEM_RETIRED'> {
  readonly code = 'INVENTORY_ITEM_RETIRED';

  constructor(
    readonly kind: ItemKind,
    readonly id: string,
    action: string,
  ) {
    super(`${kind} "${id}" is retired: it cannot be ${action}`);
  }
}

/** Another source declared the item: a source may only change or miss what it declared. */
export class ItemSourceConflictError extends TesseraError<'INVENTORY_SOURCE_CONFLICT'> {
  readonly code = 'INVENTORY_SOURCE_CONFLICT';

  constructor(
    readonly kind: ItemKind,
    readonly id: string,
    owner: SourceRef,
    claimant: SourceRef,
  ) {
    super(
      `${kind} "${id}" was declared by ${owner.kind} source "${owner.id}"; ` +
        `${claimant.kind} source "${claimant.id}" cannot change it`,
    );
  }
}

/** A command whose arguments are wrong; `field` names the argument. */
export class InvalidItemCommandError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
