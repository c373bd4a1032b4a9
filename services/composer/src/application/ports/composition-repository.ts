import { TesseraError } from '@tessera/errors';
import type { CompositionFact, CompositionSpec, CompositionState } from '@tessera/composer-domain';
import type { AllocationLedgerPort } from './allocation-ledger.js';
import type { CommandContext } from './command-context.js';

/** A composition as last stored, with the version to expect when appending (0: never stored). */
export interface LoadedComposition {
  readonly state: CompositionState;
  readonly version: number;
}

/** A new composition: its `Requested` facts and the idempotency key it was asked with. */
export interface NewComposition {
  readonly id: string;
  readonly facts: readonly CompositionFact[];
  readonly idempotencyKey: string;
  /** The validated spec; a retry is the same request only when its spec is the same. */
  readonly spec: CompositionSpec;
  /**
   * Ledger work that commits with the facts (the first choice's reservation). It does not run
   * when the key was used before; whatever it throws is rethrown after the rollback.
   */
  readonly ledgerWork?: (ledger: AllocationLedgerPort) => Promise<void>;
}

export type CreatedComposition =
  | { readonly outcome: 'created' }
  /** The key was used before: nothing was stored; `sameSpec` says whether this is a retry. */
  | { readonly outcome: 'existing'; readonly compositionId: string; readonly sameSpec: boolean };

/** Where compositions' facts are kept (the composer's event store). */
export interface CompositionRepository {
  load(id: string): Promise<LoadedComposition>;
  /**
   * The composition to decide a command on: possibly what this process last wrote or read of
   * it, without reading the store. It may be stale; the append of the decided facts then
   * throws `VersionConflictError`, and the next try `load`s.
   */
  loadToDecide(id: string): Promise<LoadedComposition>;
  /** Stores a new composition and its idempotency key together, unless the key was used. */
  create(composition: NewComposition, context: CommandContext): Promise<CreatedComposition>;
  /**
   * Appends facts if the composition is still at `expectedVersion`; otherwise throws
   * `VersionConflictError` and appends nothing.
   */
  append(
    id: string,
    facts: readonly CompositionFact[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void>;
  /**
   * Appends facts and runs `ledgerWork` in one transaction: both commit or neither does. The
   * ledger given to the work writes in that transaction; whatever it throws
   * (`DevicesTakenError`, ...) is rethrown after the rollback, like `VersionConflictError`.
   */
  appendWithLedger(
    id: string,
    facts: readonly CompositionFact[],
    expectedVersion: number,
    context: CommandContext,
    ledgerWork: (ledger: AllocationLedgerPort) => Promise<void>,
  ): Promise<void>;
}

/** Another writer appended to the composition since it was loaded: load and decide again. */
export class VersionConflictError extends TesseraError<'CONCURRENCY_CONFLICT'> {
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(streamId: string, options?: ErrorOptions) {
    super(`${streamId} changed while the command was decided`, options);
  }
}
