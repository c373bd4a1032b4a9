import {
  type AppendOptions,
  ConcurrencyError,
  type EventStore,
  StreamNotFoundError,
} from '@tessera/event-store';
import {
  absentComposition,
  type CompositionFact,
  compositionStreamId,
} from '@tessera/composer-domain';
import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { AllocationLedgerPort } from '../../application/ports/allocation-ledger.js';
import type { CommandContext } from '../../application/ports/command-context.js';
import {
  type CompositionRepository,
  type CreatedComposition,
  type LoadedComposition,
  type NewComposition,
  VersionConflictError,
} from '../../application/ports/composition-repository.js';
import type { AllocationLedger } from '../ledger/index.js';
import { type IdempotencyKeys, specHash } from './idempotency-keys.js';
import { foldComposition } from './fold-composition.js';
import { newCompositionEvent } from './new-composition-event.js';
import { PostgresLedgerPort } from './postgres-ledger-port.js';
import { RecentCompositions } from './recent-compositions.js';

/** How many compositions a process remembers as it last wrote or read them. */
const recentCompositions = 10_000;

/**
 * Compositions as event streams (`composition-<id>`) in the composer's store. Writes that must
 * agree (a new composition and its idempotency key; scheduled facts and their ledger rows) share
 * one transaction.
 */
export class EventStoreCompositionRepository implements CompositionRepository {
  private readonly recent = new RecentCompositions(recentCompositions);

  constructor(
    private readonly store: EventStore,
    private readonly ledger: AllocationLedger,
    private readonly keys: IdempotencyKeys,
  ) {}

  async load(id: string): Promise<LoadedComposition> {
    const loaded = await this.read(id);
    if (loaded.version > 0) this.recent.remember(id, loaded);
    return loaded;
  }

  async loadToDecide(id: string): Promise<LoadedComposition> {
    return this.recent.get(id) ?? (await this.load(id));
  }

  async create(composition: NewComposition, context: CommandContext): Promise<CreatedComposition> {
    const hash = specHash(composition.spec);
    const created = await this.inTransaction(
      composition.id,
      async (client): Promise<CreatedComposition> => {
        const claim = await this.keys.claim(
          client,
          composition.idempotencyKey,
          composition.id,
          hash,
        );
        if (!claim.claimed) {
          return {
            outcome: 'existing',
            compositionId: claim.compositionId,
            sameSpec: claim.specHash === hash,
          };
        }
        await this.appendIn(client, composition.id, composition.facts, 'no-stream', context);
        await composition.ledgerWork?.(new PostgresLedgerPort(this.ledger, client));
        return { outcome: 'created' };
      },
    );
    if (created.outcome === 'created') this.recent.appended(composition.id, composition.facts, 0);
    return created;
  }

  async append(
    id: string,
    facts: readonly CompositionFact[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void> {
    await this.inTransaction(id, (client) =>
      this.appendIn(client, id, facts, expectedVersion, context),
    );
    this.recent.appended(id, facts, expectedVersion);
  }

  async appendWithLedger(
    id: string,
    facts: readonly CompositionFact[],
    expectedVersion: number,
    context: CommandContext,
    ledgerWork: (ledger: AllocationLedgerPort) => Promise<void>,
  ): Promise<void> {
    await this.inTransaction(id, async (client) => {
      // The append first: it takes the stream's lock, so a stale version fails before any
      // device row is locked.
      await this.appendIn(client, id, facts, expectedVersion, context);
      await ledgerWork(new PostgresLedgerPort(this.ledger, client));
    });
    this.recent.appended(id, facts, expectedVersion);
  }

  private async read(id: string): Promise<LoadedComposition> {
    try {
      const { version, events } = await this.store.readStream(compositionStreamId(id));
      return { state: foldComposition(events), version };
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        return { state: absentComposition, version: 0 };
      }
      throw error;
    }
  }

  private async appendIn(
    client: pg.PoolClient,
    id: string,
    facts: readonly CompositionFact[],
    expectedVersion: AppendOptions['expectedVersion'],
    context: CommandContext,
  ): Promise<void> {
    const tenant =
      context.tenant ?? this.knownTenant(id, facts) ?? (await this.storedTenant(client, id));
    await this.store.append(compositionStreamId(id), facts.map(newCompositionEvent(id)), {
      correlationId: context.correlationId,
      actor: context.actor,
      causationId: context.causationId ?? null,
      tenant: tenant ?? null,
      expectedVersion,
      client,
    });
  }

  /**
   * The composition's tenant, which every one of its events carries in its envelope (so that
   * readers such as the gateway's event stream know whose it is, whatever order they see events
   * in): from a Requested fact being appended, or from the state this process last read.
   */
  private knownTenant(id: string, facts: readonly CompositionFact[]): string | undefined {
    for (const fact of facts) if (fact.fact === 'Requested') return fact.spec.tenant;
    const state = this.recent.get(id)?.state;
    return state !== undefined && 'spec' in state ? state.spec.tenant : undefined;
  }

  /** The tenant its first event names: one more statement, when this process did not read it. */
  private async storedTenant(client: pg.PoolClient, id: string): Promise<string | undefined> {
    const { rows } = await client.query<{ tenant: string | null }>(
      `SELECT coalesce(tenant, data #>> '{spec,tenant}') AS tenant
         FROM ${quoteIdentifier(this.store.schema)}.events
        WHERE stream_id = $1 AND stream_version = 1`,
      [compositionStreamId(id)],
    );
    return rows[0]?.tenant ?? undefined;
  }

  /** Runs `work` in one transaction; a stale expected version becomes `VersionConflictError`. */
  private async inTransaction<T>(
    id: string,
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.store.transaction(work);
    } catch (error) {
      this.recent.forget(id);
      if (error instanceof ConcurrencyError) {
        throw new VersionConflictError(compositionStreamId(id), { cause: error });
      }
      throw error;
    }
  }
}
