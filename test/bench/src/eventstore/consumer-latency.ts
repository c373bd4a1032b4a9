import type { OutboxRelayStatus } from '@tessera/event-store';
import type { EventTransport } from '@tessera/event-transport';
import { BenchPhaseError } from '../core/errors.js';
import { latenciesBetween } from '../core/latency-recorder.js';
import type { LatencySummary } from '../core/percentiles.js';
import { watchProcessLoad, type ProcessLoad } from '../core/process-load.js';
import { watchCpu, type CpuShare, type WatchedProcess } from '../infra/cpu-watch.js';
import { now, throwIfAborted, waitUntil } from '../core/timing.js';
import {
  openConsumerPipeline,
  relaySettings,
  type ConsumerPipeline,
  type ConsumerPipelineOptions,
} from './consumer-pipeline.js';
import { runPacedAppends, type PacedPlan, type PacedRunStats } from './paced-appends.js';
import { benchAppendOptions, deviceAttachedEvent } from './payload.js';
import type { ClockSync, RemoteConsumer } from './remote-consumer.js';
import { measurePipelineCapacity, type PipelineCapacity } from './pipeline-capacity.js';

export interface ConsumerLatencyOptions extends Omit<
  ConsumerPipelineOptions,
  'appendConnections' | 'consumerReadyTimeoutMs'
> {
  /** Paced runs in order; the first ones should be the gentler, a saturating run leaves a backlog. */
  readonly plans: readonly PacedPlan[];
  /** Bound on the settle step: events that must reach the consumer before anything is timed. */
  readonly settleTimeoutMs: number;
  /** Bound on waiting for a run's measured events to arrive after its last append. */
  readonly drainTimeoutMs: number;
  /** Processes whose CPU use is reported per run (the consumer process is added). */
  readonly cpuComponents: Readonly<Record<string, WatchedProcess>>;
  readonly capacity: {
    readonly streams: number;
    readonly eventsPerStream: number;
    readonly timeoutMs: number;
  };
  readonly signal: AbortSignal;
}

/** One paced run through the pipeline. */
export interface PacedLatency {
  readonly appends: PacedRunStats;
  readonly delivered: number;
  /** Measured events that had not reached the handler when the drain bound ended. */
  readonly undelivered: number;
  /** Append commit → the idempotent handler's effect runs (inside its transaction). */
  readonly commitToHandlerMs: LatencySummary;
  /** Append commit → the idempotent handler resolved (its processed record committed). */
  readonly commitToHandlerCommittedMs: LatencySummary;
  /** Append commit → the relay's publish accepted by the transport: the relay's share. */
  readonly commitToRelayPublishedMs: LatencySummary;
  /** This benchmark process (appenders and relay share its event loop). */
  readonly benchProcess: ProcessLoad;
  /** Where the machine's CPU went during the run (null off Linux). */
  readonly cpu: CpuShare | null;
}

export interface ConsumerLatency {
  readonly transport: EventTransport['name'];
  readonly pipeline: string;
  readonly settleSeconds: number;
  /** By planned rate, e.g. `at1000PerSecond`. */
  readonly runs: Readonly<Record<string, PacedLatency>>;
  /** A backlog drained after the paced runs: the pipeline's throughput ceiling. */
  readonly capacity: PipelineCapacity;
  readonly relay: OutboxRelayStatus & typeof relaySettings;
  /** The consuming service's process: its clock against ours, its subscription's status. */
  readonly consumerProcess: ReturnType<RemoteConsumer['status']> & { readonly clock: ClockSync };
}

export function runKey(plan: Pick<PacedPlan, 'ratePerSecond'>): string {
  return `at${plan.ratePerSecond}PerSecond`;
}

/**
 * Event→consumer latency through the whole pipeline: settles (events on several streams, hence
 * several partitions, must arrive), runs each paced plan and measures from each append's commit
 * to the handler, then drains a burst to measure the pipeline's capacity.
 */
export async function measureEventToConsumer(
  options: ConsumerLatencyOptions,
): Promise<ConsumerLatency> {
  const lanes = Math.max(...options.plans.map((plan) => plan.lanes));
  const pipeline = await openConsumerPipeline({
    ...options,
    appendConnections: lanes + 2,
    consumerReadyTimeoutMs: options.settleTimeoutMs,
  });
  try {
    const settleStarted = now();
    await settle(options, pipeline);
    const settleSeconds = Math.round(now() - settleStarted) / 1_000;
    options.progress.step(`${options.transport.name}: pipeline settled in ${settleSeconds} s`);
    const runs: Record<string, PacedLatency> = {};
    for (const plan of options.plans) {
      throwIfAborted(options.signal);
      options.progress.step(`${options.transport.name}: pacing ${plan.ratePerSecond} events/s`);
      const run = await measurePacedLatency(pipeline, plan, options);
      options.progress.step(
        `${options.transport.name} at ${plan.ratePerSecond}/s: commit→handler p50 ${String(run.commitToHandlerMs.p50)} ms, ` +
          `p99 ${String(run.commitToHandlerMs.p99)} ms (appends reached ${run.appends.achievedRatePerSecond}/s, ${run.undelivered} undelivered)`,
      );
      runs[runKey(plan)] = run;
    }
    throwIfAborted(options.signal);
    const capacity = await measurePipelineCapacity(pipeline.store, pipeline.marks, {
      name: `${options.transport.name}cap`,
      ...options.capacity,
      signal: options.signal,
    });
    options.progress.step(
      `${options.transport.name}: capacity ${capacity.handledPerSecond} events/s handled, ${capacity.publishedPerSecond} published`,
    );
    return {
      transport: options.transport.name,
      pipeline:
        'append (outbox) → outbox relay → transport → batch subscriber (handleBatch) → createIdempotentBatchHandler',
      settleSeconds,
      runs,
      capacity,
      relay: { ...pipeline.relayStatus(), ...relaySettings },
      consumerProcess: { ...pipeline.consumer.status(), clock: pipeline.consumer.clock },
    };
  } finally {
    await pipeline.close();
  }
}

async function measurePacedLatency(
  pipeline: ConsumerPipeline,
  plan: PacedPlan,
  options: ConsumerLatencyOptions,
): Promise<PacedLatency> {
  const { marks } = pipeline;
  const consumerPid = pipeline.consumer.pid;
  const stopCpu = await watchCpu({
    ...options.cpuComponents,
    ...(consumerPid === undefined
      ? {}
      : { consumerProcess: { pid: consumerPid, withChildren: false } }),
  });
  const stopWatching = watchProcessLoad();
  const run = await runPacedAppends(pipeline.store, plan, options.signal);
  const benchProcess = stopWatching();
  const cpu = await stopCpu();
  await waitUntil(() => marks.allCommitted(run.measuredIds), {
    timeoutMs: options.drainTimeoutMs,
    intervalMs: 50,
    signal: options.signal,
  });
  const toCommitted = latenciesBetween(run.measuredIds, run.committedAt, marks.handlerCommitted);
  return {
    appends: run.stats,
    delivered: run.measuredIds.length - toCommitted.missing,
    undelivered: toCommitted.missing,
    commitToHandlerMs: latenciesBetween(run.measuredIds, run.committedAt, marks.handlerRan).summary,
    commitToHandlerCommittedMs: toCommitted.summary,
    commitToRelayPublishedMs: latenciesBetween(run.measuredIds, run.committedAt, marks.published)
      .summary,
    benchProcess,
    cpu,
  };
}

/** Appends one event to each of a dozen streams until all of them reach the handler. */
async function settle(options: ConsumerLatencyOptions, pipeline: ConsumerPipeline): Promise<void> {
  const ids: string[] = [];
  for (let stream = 0; stream < 12; stream += 1) {
    const event = deviceAttachedEvent(stream);
    await pipeline.store.append(
      `device-${options.transport.name}settle${stream}`,
      [event],
      benchAppendOptions(0),
    );
    ids.push(event.id);
  }
  const arrived = await waitUntil(() => pipeline.marks.allCommitted(ids), {
    timeoutMs: options.settleTimeoutMs,
    intervalMs: 50,
    signal: options.signal,
  });
  if (!arrived && !options.signal.aborted) {
    throw new BenchPhaseError(
      `${options.transport.name} consumer latency`,
      `the settle events did not reach the consumer within ${options.settleTimeoutMs} ms`,
    );
  }
}
