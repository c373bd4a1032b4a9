import { createKafkaTransport, createPostgresLogTransport } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import { measureEventToConsumer, type ConsumerLatency } from './consumer-latency.js';
import { warmUpBroker } from './kafka-warm-up.js';
import { cpuComponents, type PhaseSetting } from './phase-setting.js';
import { eventStorePlan as plan } from './plan.js';
import { measureProjectionLag, type ProjectionLag } from './projection-lag.js';

/** Event→consumer latency through Kafka (a topic and a consumer group of this run's own). */
export async function measureKafkaLatency(setting: PhaseSetting): Promise<ConsumerLatency> {
  const { bench, infra, database } = setting;
  const transport = createKafkaTransport({
    brokers: infra.kafka.brokers,
    clientId: 'tessera-bench',
    logger: bench.progress.logger,
    topicDefaults: { partitions: plan.latency.kafkaTopicPartitions },
  });
  const topic = `tessera.bench.${database.name}.events.v1`;
  try {
    bench.progress.step(`kafka: creating ${topic}`);
    await transport.ensureTopics([topic]);
    const warmUp = plan.latency.brokerWarmUp;
    bench.progress.step(
      `kafka: warming the broker up for ${warmUp.durationMs / 1_000} s at ${warmUp.ratePerSecond} events/s`,
    );
    await warmUpBroker(transport, { ...warmUp, topic: `${topic}.warm-up`, signal: bench.signal });
    return await measureEventToConsumer({
      databaseUrl: database.url,
      transport,
      consumer: {
        transport: {
          kind: 'kafka',
          brokers: infra.kafka.brokers,
          partitions: plan.latency.kafkaTopicPartitions,
        },
        consumerSchema: 'bench_kafka_consumer',
        consumerName: 'bench.kafka-latency',
        topic,
        group: `tessera.bench.${database.name}`,
        maxBatchSize: plan.latency.consumerMaxBatchSize,
      },
      storeSchema: 'bench_kafka_source',
      plans: plan.latency.kafkaPlans,
      settleTimeoutMs: plan.latency.kafkaSettleTimeoutMs,
      drainTimeoutMs: plan.latency.drainTimeoutMs,
      capacity: plan.latency.capacity,
      cpuComponents: cpuComponents(infra),
      signal: bench.signal,
      progress: bench.progress,
    });
  } finally {
    await transport.close();
  }
}

/** Event→consumer latency through the Postgres log (its tables in this run's database). */
export async function measurePostgresLogLatency(setting: PhaseSetting): Promise<ConsumerLatency> {
  const { bench, infra, database } = setting;
  const pool = createPool({
    connectionString: database.url,
    max: 4,
    applicationName: 'tessera-bench-log',
  });
  const transport = createPostgresLogTransport({
    pool,
    connectionString: database.url,
    schema: 'bench_log',
    logger: bench.progress.logger,
  });
  try {
    await transport.migrate();
    return await measureEventToConsumer({
      databaseUrl: database.url,
      transport,
      consumer: {
        transport: { kind: 'postgres', schema: 'bench_log' },
        consumerSchema: 'bench_pglog_consumer',
        consumerName: 'bench.postgres-latency',
        topic: 'tessera.bench.events.v1',
        group: 'tessera.bench',
        maxBatchSize: plan.latency.consumerMaxBatchSize,
      },
      storeSchema: 'bench_pglog_source',
      plans: plan.latency.postgresPlans,
      settleTimeoutMs: plan.latency.postgresSettleTimeoutMs,
      drainTimeoutMs: plan.latency.drainTimeoutMs,
      capacity: plan.latency.capacity,
      cpuComponents: cpuComponents(infra),
      signal: bench.signal,
      progress: bench.progress,
    });
  } finally {
    await transport.close();
    await pool.end();
  }
}

export async function measureProjection(setting: PhaseSetting): Promise<ProjectionLag> {
  const { bench, infra, database } = setting;
  const result = await measureProjectionLag({
    databaseUrl: database.url,
    schema: 'bench_projection',
    plan: plan.projection.plan,
    drainTimeoutMs: plan.projection.drainTimeoutMs,
    cpuComponents: cpuComponents(infra),
    signal: bench.signal,
    progress: bench.progress,
  });
  bench.progress.step(
    `projection: commit→apply p50 ${String(result.commitToApplyMs.p50)} ms, ` +
      `p99 ${String(result.commitToApplyMs.p99)} ms (appends reached ${result.appends.achievedRatePerSecond}/s)`,
  );
  return result;
}
