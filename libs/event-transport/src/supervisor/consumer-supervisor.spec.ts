import { describe, expect, it } from 'vitest';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import { silentLogger } from '../logger.js';
import type { SubscriptionState } from '../port.js';
import { type ConsumerRun, ConsumerSupervisor } from './consumer-supervisor.js';
import { RunLifecycle } from './run-lifecycle.js';

/** Runs the test can crash by hand. */
function controllableRuns(): {
  startRun: () => Promise<ConsumerRun>;
  runs: { lifecycle: RunLifecycle; stopped: boolean }[];
  failNextStart: (error: Error) => void;
} {
  const runs: { lifecycle: RunLifecycle; stopped: boolean }[] = [];
  let nextStartFailure: Error | undefined;
  return {
    runs,
    failNextStart: (error) => {
      nextStartFailure = error;
    },
    startRun: () => {
      if (nextStartFailure) {
        const failure = nextStartFailure;
        nextStartFailure = undefined;
        return Promise.reject(failure);
      }
      const run = { lifecycle: new RunLifecycle(), stopped: false };
      runs.push(run);
      return Promise.resolve({
        crashed: run.lifecycle.crashed,
        stop: () => {
          run.stopped = true;
          return Promise.resolve();
        },
      });
    },
  };
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const restartBackoff = { initialBackoffMs: 50, maxBackoffMs: 200 };

describe('ConsumerSupervisor', () => {
  it('restarts a crashed consumer after a backoff and reports it', async () => {
    const control = controllableRuns();
    const supervisor = new ConsumerSupervisor({
      name: 'test',
      startRun: control.startRun,
      restartBackoff,
      logger: silentLogger,
    });
    await supervisor.start();
    expect(supervisor.status()).toEqual({ state: 'running', restarts: 0 });

    const seen = new Set<SubscriptionState>();
    const watcher = setInterval(() => seen.add(supervisor.status().state), 1);
    control.runs[0]!.lifecycle.crash(new TransientInfrastructureError('connection reset'));
    await waitUntil(() => control.runs.length === 2 && supervisor.status().state === 'running');
    clearInterval(watcher);

    expect(seen).toContain('restarting');
    expect(control.runs[0]!.stopped).toBe(true);
    expect(supervisor.status()).toEqual({
      state: 'running',
      restarts: 1,
      lastError: 'TransientInfrastructureError: connection reset',
    });
    await supervisor.stop();
  });

  it('keeps retrying when starting fails, and never stops by itself', async () => {
    const control = controllableRuns();
    control.failNextStart(new Error('broker unreachable'));
    const supervisor = new ConsumerSupervisor({
      name: 'test',
      startRun: control.startRun,
      restartBackoff,
      logger: silentLogger,
    });
    await supervisor.start();
    expect(supervisor.status()).toMatchObject({ state: 'restarting', restarts: 1 });
    await waitUntil(() => supervisor.status().state === 'running');
    for (let crash = 0; crash < 3; crash += 1) {
      control.runs.at(-1)!.lifecycle.crash(new Error(`crash ${crash}`));
      await waitUntil(() => control.runs.length === crash + 2);
    }
    await waitUntil(() => supervisor.status().state === 'running');
    expect(supervisor.status()).toEqual({
      state: 'running',
      restarts: 4,
      lastError: 'Error: crash 2',
    });
    await supervisor.stop();
  });

  it('stop() ends it for good, also during a restart backoff', async () => {
    const control = controllableRuns();
    const supervisor = new ConsumerSupervisor({
      name: 'test',
      startRun: control.startRun,
      restartBackoff: { initialBackoffMs: 60_000, maxBackoffMs: 60_000 },
      logger: silentLogger,
    });
    await supervisor.start();
    control.runs[0]!.lifecycle.crash(new Error('boom'));
    await waitUntil(() => supervisor.status().state === 'restarting');
    await supervisor.stop();
    expect(supervisor.status().state).toBe('stopped');
    expect(control.runs).toHaveLength(1);
    expect(control.runs[0]!.stopped).toBe(true);
  });

  it('stop() stops the running consumer', async () => {
    const control = controllableRuns();
    const supervisor = new ConsumerSupervisor({
      name: 'test',
      startRun: control.startRun,
      restartBackoff,
      logger: silentLogger,
    });
    await supervisor.start();
    await supervisor.stop();
    expect(control.runs[0]!.stopped).toBe(true);
    expect(supervisor.status()).toEqual({ state: 'stopped', restarts: 0 });
  });
});
