import type { LoggedWarnings } from '../core/progress.js';
import type { DiskFlush } from '../infra/disk-flush.js';
import type { PostgresFacts } from '../infra/postgres-facts.js';
import type { AppendResults } from './append-phases.js';
import type { ConsumerLatency } from './consumer-latency.js';
import type { ProjectionLag } from './projection-lag.js';
import type { ReadThroughput } from './read-throughput.js';
import type { TargetCheck } from './targets.js';

/** The one JSON object `npm run bench -- eventstore` prints on stdout. */
export interface EventStoreReport {
  readonly benchmark: 'eventstore';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly totalSeconds: number;
  readonly targets: {
    readonly batchedAppends: TargetCheck;
    readonly singleEventAppends8Writers: TargetCheck;
    readonly kafkaEventToConsumerP99: TargetCheck;
    readonly postgresEventToConsumerP99: TargetCheck;
  };
  readonly allTargetsMet: boolean;
  readonly appends: AppendResults & { readonly note: string };
  readonly readAll: readonly ReadThroughput[];
  readonly eventToConsumer: { readonly kafka: ConsumerLatency; readonly postgres: ConsumerLatency };
  readonly projectionLag: ProjectionLag;
  readonly context: EventStoreContext;
}

export interface EventStoreContext {
  readonly node: string;
  readonly platform: string;
  readonly cpus: { readonly count: number; readonly model: string };
  readonly memoryGiB: number;
  /** Other work on the machine shows here (and in each run's cpu.byComponent.otherProcesses). */
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly diskFlush: DiskFlush;
  readonly postgres: PostgresFacts & {
    readonly source: string;
    readonly database: string;
    readonly dataDirFilesystem: string | null;
  };
  readonly kafka: {
    readonly source: string;
    readonly version: string | null;
    readonly brokers: number;
    readonly topicPartitions: number;
    /** Partitions the consumer handles at once (kafkajs `partitionsConsumedConcurrently`). */
    readonly consumerPartitionsConcurrently: number;
    readonly client: string;
  };
  readonly processes: string;
  readonly payload: { readonly eventType: string; readonly dataBytes: number };
  readonly phaseSeconds: Readonly<Record<string, number>>;
  readonly libraryWarnings: LoggedWarnings;
}
