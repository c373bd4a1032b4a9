import { randomUUID } from 'node:crypto';
import {
  type CompositionState,
  compositionUpcasters,
  type scheduler,
} from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';
import {
  createEventStore,
  defineUpcasters,
  type EventStore,
  type OutboxRelay,
  runOutboxRelay,
  superviseProjection,
} from '@tessera/event-store';
import { createComposerViews } from '../infrastructure/views/index.js';
import {
  createPostgresLogTransport,
  type EventTransport,
  type OutgoingMessage,
  type PostgresLogTransport,
  silentLogger,
  type Subscription,
} from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import type pg from 'pg';
import type { CheckDeadlinesDeps } from '../application/attach/index.js';
import type { HealDeps } from '../application/heal/index.js';
import type { ResumeStalledDeps } from '../application/lifecycle/index.js';
import type { CompositionRepository } from '../application/ports/composition-repository.js';
import { composerOutboxRouting } from '../infrastructure/persistence/index.js';
import {
  type DeadlineJob,
  LedgerDueAttaches,
  runDeadlineJob,
  subscribeToObservations,
} from '../infrastructure/attach/index.js';
import { AllocationLedger } from '../infrastructure/ledger/index.js';
import {
  LedgerCompositionsHoldingDevice,
  type RecoverySweep,
  runRecoverySweep,
  StoreStalledCompositions,
} from '../infrastructure/recovery/index.js';
import { IdempotencyKeys } from '../infrastructure/persistence/idempotency-keys.js';
import {
  composerLedgerSchema,
  composerRequestsSchema,
  composerStoreSchema,
  EventStoreCompositionRepository,
} from '../infrastructure/persistence/index.js';

/** Everything the composer's use cases need, as one replica wires them. */
export type HarnessDeps = CheckDeadlinesDeps & ResumeStalledDeps & HealDeps;

/**
 * A running composer's attach side over a migrated composer database: its store publishing
 * through the outbox keyed by host, the relay, the Postgres-log transport, the observation
 * consumer and the deadline job (and, when asked, the recovery sweep), with a real clock.
 */
export interface AttachHarness {
  readonly transport: PostgresLogTransport;
  readonly deps: HarnessDeps;
  readonly pool: pg.Pool;
  /** Polls the composition until `done` holds for it, or fails after `timeoutMs`. */
  waitFor(
    compositionId: string,
    done: (state: CompositionState) => boolean,
    timeoutMs: number,
  ): Promise<CompositionState>;
  close(): Promise<void>;
}

export interface AttachHarnessOptions {
  readonly databaseUrl: string;
  readonly index: scheduler.CandidateIndex;
  readonly attachTimeoutMs: number;
  readonly deadlineCheckMs: number;
  /** The replica's name, owner of its reservations; default `composer-attach-test`. */
  readonly owner?: string;
  /** Runs the crash-recovery sweep every `intervalMs`, taking over steps older than `graceMs`. */
  readonly recovery?: { readonly graceMs: number; readonly intervalMs: number };
}

export async function startAttachHarness(options: AttachHarnessOptions): Promise<AttachHarness> {
  const pool = createPool({ connectionString: options.databaseUrl, max: 8 });
  const transport = createPostgresLogTransport({
    pool,
    connectionString: options.databaseUrl,
    pollIntervalMs: 50,
  });
  await transport.migrate();
  const store = createEventStore({
    pool,
    schema: composerStoreSchema,
    outbox: composerOutboxRouting,
    upcasters: defineUpcasters(compositionUpcasters),
  });
  const compositions = repositoryOn(pool, store);
  const deps: HarnessDeps = {
    compositions,
    candidates: () => Promise.resolve(options.index),
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    owner: options.owner ?? 'composer-attach-test',
    attachTimeoutMs: options.attachTimeoutMs,
    dueAttaches: new LedgerDueAttaches(pool),
    stalledCompositions: new StoreStalledCompositions(pool),
    holders: new LedgerCompositionsHoldingDevice(pool),
  };
  const relay: OutboxRelay = runOutboxRelay({
    connectionString: options.databaseUrl,
    schema: composerStoreSchema,
    transport,
    idlePollMs: 50,
  });
  const consumer: Subscription = await subscribeToObservations(transport, deps);
  const errors: unknown[] = [];
  const job: DeadlineJob = runDeadlineJob(deps, options.deadlineCheckMs, (error) => {
    errors.push(error);
  });
  // The sweep finds compositions in flight through the compositions projection: run it here.
  const views = options.recovery && (await liveViews(pool, store));
  const sweep: RecoverySweep | undefined =
    options.recovery &&
    runRecoverySweep(deps, {
      pool,
      ...options.recovery,
      onError: (error) => errors.push(error),
    });
  return {
    transport,
    deps,
    pool,
    waitFor: (compositionId, done, timeoutMs) =>
      waitFor(compositions, compositionId, done, timeoutMs, errors),
    close: async () => {
      await sweep?.stop();
      await views?.stop();
      await job.stop();
      await consumer.stop();
      await relay.stop();
      await transport.close();
      await pool.end();
    },
  };
}

/** The composer's views, migrated and followed live until `stop`. */
async function liveViews(pool: pg.Pool, store: EventStore): Promise<{ stop(): Promise<void> }> {
  const views = createComposerViews({ pool });
  await views.migrate();
  const supervisions = await Promise.all(
    views.projections.map((projection) => superviseProjection(store, projection, silentLogger)),
  );
  return {
    stop: async () => {
      for (const supervision of supervisions) await supervision.stop();
    },
  };
}

function repositoryOn(pool: pg.Pool, store: EventStore): CompositionRepository {
  const ledger = new AllocationLedger({ pool, schema: composerLedgerSchema });
  return new EventStoreCompositionRepository(
    store,
    ledger,
    new IdempotencyKeys(composerRequestsSchema),
  );
}

async function waitFor(
  compositions: CompositionRepository,
  compositionId: string,
  done: (state: CompositionState) => boolean,
  timeoutMs: number,
  errors: readonly unknown[],
): Promise<CompositionState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { state } = await compositions.load(compositionId);
    if (done(state)) return state;
    if (Date.now() > until || errors.length > 0) {
      throw new Error(
        `composition ${compositionId} is ${state.status} after ${timeoutMs} ms` +
          (errors.length > 0 ? `; a background job failed: ${String(errors[0])}` : ''),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The transport as the simulated responder sees it, with a fault: attaches of the devices in
 * `failing` are answered `ATTACH_OUTCOME_FAILED` (a broken driver on those devices).
 */
export function withFailingDevices(
  transport: EventTransport,
  failing: ReadonlySet<string>,
): EventTransport {
  const faulty = (message: OutgoingMessage): OutgoingMessage => {
    if (
      message.envelope.type !== 'tessera.composer.v1.DeviceAttachObserved' ||
      message.envelope.schemaVersion !== 2
    ) {
      return message;
    }
    const observed = composer.DeviceAttachObservedV2.fromJSON(message.envelope.data);
    const data = composer.DeviceAttachObservedV2.toJSON({
      ...observed,
      results: observed.results.map((result) =>
        failing.has(result.deviceId)
          ? {
              ...result,
              outcome: composer.AttachOutcome.ATTACH_OUTCOME_FAILED,
              detail: 'simulated driver fault',
            }
          : result,
      ),
    });
    return { ...message, envelope: { ...message.envelope, data } };
  };
  return {
    name: transport.name,
    publish: (topic, messages) => transport.publish(topic, messages.map(faulty)),
    subscribe: (options) => transport.subscribe(options),
    close: () => Promise.resolve(),
  };
}
