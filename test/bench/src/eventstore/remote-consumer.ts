import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { SubscriptionStatus } from '@tessera/event-transport';
import { BenchPhaseError } from '../core/errors.js';
import { round } from '../core/percentiles.js';
import type { Progress } from '../core/progress.js';
import { sleep, waitUntil } from '../core/timing.js';
import {
  epochMs,
  type ConsumerSpec,
  type FromConsumer,
  type ToConsumer,
} from './consumer-protocol.js';
import type { DeliveryMarks } from './delivery-marks.js';

/** Run from source: the benchmarks always run through tsx (`npm run bench`). */
const childEntry = fileURLToPath(new URL('./consumer-child.ts', import.meta.url));

/** How the consumer process's clock relates to ours (estimated from the fastest of a few pings). */
export interface ClockSync {
  readonly offsetMs: number;
  readonly roundTripMs: number;
}

export interface RemoteConsumer {
  readonly pid: number | undefined;
  readonly clock: ClockSync;
  /** The subscription's status as last reported, and why the process failed if it did. */
  status(): { readonly subscription: SubscriptionStatus | null; readonly failure: string | null };
  /** Asks the process to stop, waits for it (bounded) and kills it if it does not exit. */
  stop(): Promise<void>;
}

/**
 * Forks the consumer process (same tsx loader and conditions as this one, its output on our
 * stderr), starts its subscription and feeds the times it reports into `marks`, converted to
 * this process's monotonic clock.
 */
export async function startRemoteConsumer(
  spec: ConsumerSpec,
  marks: DeliveryMarks,
  options: { readyTimeoutMs: number; progress: Progress },
): Promise<RemoteConsumer> {
  const child = fork(childEntry, [], { stdio: ['ignore', 2, 2, 'ipc'] });
  let offsetMs = 0;
  // Written by the message handler, read by the waits below.
  const state: { ready: boolean; subscription: SubscriptionStatus | null; failure: string | null } =
    {
      ready: false,
      subscription: null,
      failure: null,
    };
  const pongs: { roundTripMs: number; offsetMs: number }[] = [];
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const toLocal = (consumerAt: number): number => consumerAt - offsetMs - performance.timeOrigin;
  child.on('message', (message: FromConsumer) => {
    switch (message.kind) {
      case 'ready':
        state.ready = true;
        return;
      case 'pong': {
        const receivedAt = epochMs();
        const roundTripMs = receivedAt - message.sentAt;
        pongs.push({
          roundTripMs,
          offsetMs: message.consumerAt - (message.sentAt + receivedAt) / 2,
        });
        return;
      }
      case 'marks':
        for (const [id, at] of message.ran) marks.markHandlerRan(id, toLocal(at));
        for (const [id, at] of message.committed) marks.markHandlerCommitted(id, toLocal(at));
        state.subscription = message.status;
        return;
      case 'failed':
        state.failure = message.error;
        options.progress.step(`consumer process failed: ${message.error}`);
        return;
      case 'stopped':
        return;
    }
  });
  void exited.then(() => {
    if (!state.ready) state.failure ??= 'the consumer process exited before it was ready';
  });
  const send = (message: ToConsumer): void => {
    if (child.connected) child.send(message);
  };
  const stop = once(() => stopChild(child, send, exited));
  try {
    send({ kind: 'start', spec });
    await waitUntil(() => state.ready || state.failure !== null, {
      timeoutMs: options.readyTimeoutMs,
    });
    if (!state.ready || state.failure !== null) {
      throw new BenchPhaseError(
        'consumer process',
        state.failure ?? `not ready within ${options.readyTimeoutMs} ms`,
      );
    }
    for (let ping = 0; ping < 10; ping += 1) {
      send({ kind: 'ping', sentAt: epochMs() });
      await sleep(20);
    }
    await waitUntil(() => pongs.length >= 10, { timeoutMs: 2_000 });
    const fastest = pongs.reduce((best, pong) =>
      pong.roundTripMs < best.roundTripMs ? pong : best,
    );
    offsetMs = fastest.offsetMs;
    return {
      pid: child.pid,
      clock: { offsetMs: round(fastest.offsetMs, 3), roundTripMs: round(fastest.roundTripMs, 3) },
      status: () => ({ subscription: state.subscription, failure: state.failure }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopChild(
  child: ChildProcess,
  send: (message: ToConsumer) => void,
  exited: Promise<void>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  send({ kind: 'stop' });
  const waiting = new AbortController();
  const timeout = sleep(15_000, waiting.signal).then(() => 'timeout' as const);
  const outcome = await Promise.race([exited.then(() => 'exited' as const), timeout]);
  waiting.abort();
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
