import { TesseraError } from '@tessera/errors';
import type { CompositionCommandName } from './composition-commands.js';
import type { CompositionStatus } from './composition-state.js';

/** The command is not allowed in the composition's current state. */
export class InvalidTransitionError extends TesseraError<'COMPOSITION_INVALID_TRANSITION'> {
  readonly code = 'COMPOSITION_INVALID_TRANSITION';

  constructor(
    readonly compositionId: string,
    readonly status: CompositionStatus,
    readonly command: CompositionCommandName,
  ) {
    super(`composition "${compositionId}" is ${status}: it cannot take ${command}`);
  }
}

/** An idempotency key was reused for a different spec: the retry is not a retry. */
export class IdempotencyConflictError extends TesseraError<'IDEMPOTENCY_CONFLICT'> {
  readonly code = 'IDEMPOTENCY_CONFLICT';

  constructor(
    readonly compositionId: string,
    readonly idempotencyKey: string,
  ) {
    super(
      `idempotency key "${idempotencyKey}" was used to request composition ` +
        `"${compositionId}" with another spec; use a new key for a new request`,
    );
  }
}

export class CompositionNotFoundError extends TesseraError<'COMPOSITION_NOT_FOUND'> {
  readonly code = 'COMPOSITION_NOT_FOUND';

  constructor(readonly command: CompositionCommandName) {
    super(`there is no such composition: ${command} needs a requested composition`);
  }
}

/** A second request, under another idempotency key, for an id already taken. */
export class CompositionAlreadyExistsError extends TesseraError<'COMPOSITION_ALREADY_EXISTS'> {
  readonly code = 'COMPOSITION_ALREADY_EXISTS';

  constructor(readonly compositionId: string) {
    super(`composition "${compositionId}" already exists`);
  }
}

/** A failed device may only be replaced in a composition whose spec asks for healing. */
export class HealingDisabledError extends TesseraError<'COMPOSITION_HEALING_DISABLED'> {
  readonly code = 'COMPOSITION_HEALING_DISABLED';

  constructor(readonly compositionId: string) {
    super(`composition "${compositionId}" does not replace failed devices (healing.replaceFailed)`);
  }
}

/** A command whose arguments are wrong; `field` names the argument. */
export class InvalidCompositionCommandError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
