import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka } from 'kafkajs';
import { quietKafkaLogging } from './quiet-kafkajs.js';

/** How waiting for the broker ended; the caller decides what each means. */
export type ReadinessOutcome =
  | { outcome: 'ready' }
  | { outcome: 'process-exited' }
  | { outcome: 'timed-out'; lastError: unknown };

export interface ReadinessOptions {
  brokers: string[];
  timeoutMs: number;
  /** Settles when the broker's process exits; waiting stops at once then. */
  exited: Promise<unknown>;
  /** Pause between attempts. Default 250 ms. */
  pollMs?: number;
}

/**
 * Waits until the broker answers a client the way the application will use it: a kafkajs admin
 * connects and `describeCluster` lists a broker. Each attempt is bounded by short client timeouts
 * and kafkajs' own retries are off, so the overall deadline holds. Returns early when `exited`
 * settles: a broker that dies during start-up is reported at once, not after the deadline.
 */
export async function waitForBroker(options: ReadinessOptions): Promise<ReadinessOutcome> {
  const timers = new AbortController();
  const pause = (ms: number): Promise<void> =>
    sleep(ms, undefined, { signal: timers.signal }).catch(() => undefined);
  const exited = options.exited.then((): ReadinessOutcome => ({ outcome: 'process-exited' }));
  let lastError: unknown = new Error('no attempt finished before the deadline');
  // kafkajs' own timeouts bound each attempt; the deadline bounds the whole wait regardless.
  const deadline = pause(options.timeoutMs).then((): ReadinessOutcome => ({
    outcome: 'timed-out',
    lastError,
  }));
  try {
    for (;;) {
      const attempt = describeCluster(options.brokers).then(
        (): ReadinessOutcome => ({ outcome: 'ready' }),
        (error: unknown) => {
          lastError = error;
          return undefined;
        },
      );
      const answer = await Promise.race([attempt, exited, deadline]);
      if (answer !== undefined) return answer;
      const interrupted = await Promise.race([
        pause(options.pollMs ?? 250).then(() => undefined),
        exited,
        deadline,
      ]);
      if (interrupted !== undefined) return interrupted;
    }
  } finally {
    timers.abort();
  }
}

async function describeCluster(brokers: string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'tessera-local-kafka-readiness',
    brokers,
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
    ...quietKafkaLogging,
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('the cluster lists no broker yet');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
