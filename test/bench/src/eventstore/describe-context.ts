import os from 'node:os';
import path from 'node:path';
import { round } from '../core/percentiles.js';
import type { Progress } from '../core/progress.js';
import { measureDiskFlush, type DiskFlush } from '../infra/disk-flush.js';
import { filesystemOf, type PostgresFacts } from '../infra/postgres-facts.js';
import { installedVersion } from '../infra/versions.js';
import type { PhaseSetting } from './phase-setting.js';
import { deviceAttachedEvent } from './payload.js';
import { eventStorePlan } from './plan.js';
import type { EventStoreContext } from './report.js';

/** Machine facts taken at the start, before the load of the run. */
export interface StartFacts {
  readonly loadAverage: readonly number[];
  readonly diskFlush: DiskFlush;
}

/** Measures the disk's flush cost where Postgres keeps its data (or the temp folder). */
export async function takeStartFacts(setting: Omit<PhaseSetting, 'database'>): Promise<StartFacts> {
  const loadAverage = os.loadavg().map((load) => round(load));
  const { dataDir } = setting.infra.postgres;
  const folder = dataDir === undefined ? os.tmpdir() : path.dirname(dataDir);
  return { loadAverage, diskFlush: await measureDiskFlush(folder, 2_000) };
}

export async function describeContext(
  setting: PhaseSetting,
  facts: { start: StartFacts; postgres: PostgresFacts; phaseSeconds: Record<string, number> },
  progress: Progress,
): Promise<EventStoreContext> {
  const { infra, database } = setting;
  return {
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    cpus: { count: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown' },
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    loadAverage: {
      atStart: facts.start.loadAverage,
      atEnd: os.loadavg().map((load) => round(load)),
    },
    diskFlush: facts.start.diskFlush,
    postgres: {
      ...facts.postgres,
      source: infra.postgres.source,
      database: database.name,
      dataDirFilesystem:
        infra.postgres.dataDir === undefined ? null : await filesystemOf(infra.postgres.dataDir),
    },
    kafka: {
      source: infra.kafka.source,
      version: infra.kafka.version ?? null,
      brokers: infra.kafka.brokers.length,
      topicPartitions: eventStorePlan.latency.kafkaTopicPartitions,
      consumerPartitionsConcurrently: eventStorePlan.latency.kafkaTopicPartitions,
      client: `kafkajs ${installedVersion('kafkajs')}`,
    },
    processes:
      'this process appends and runs the outbox relay (the publishing service); a forked process ' +
      'subscribes in batch mode with the idempotent batch handler (the consuming service; at most ' +
      `${eventStorePlan.latency.consumerMaxBatchSize} events per batch, one transaction each); ` +
      'Postgres and Kafka run beside them',
    payload: {
      eventType: 'DeviceAttached',
      dataBytes: Buffer.byteLength(JSON.stringify(deviceAttachedEvent(123_456).data)),
    },
    phaseSeconds: facts.phaseSeconds,
    libraryWarnings: progress.warnings(),
  };
}
