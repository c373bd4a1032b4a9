/**
 * `npm run distributed`: every Tessera service as its own process on this machine, over a real
 * Kafka broker and Postgres (docs/operations.md), until SIGINT or SIGTERM stops them in order.
 * Settings come from the environment (src/distributed-config.ts). Exit codes: 0 stopped on a
 * signal, 1 failed to start, a part stopped on its own, or the stop took too long; 2 bad settings.
 */
import { DistributedError } from '../errors.js';
import { type RunningDistributed, startDistributed } from '../distributed.js';
import { distributedVariables, loadDistributedConfig } from '../distributed-config.js';
import { linesOf } from '../processes/log-lines.js';
import { welcomeText } from './welcome.js';

/** How long stopping may take before the process exits anyway. */
const stopTimeoutMs = 90_000;

const usage = `usage: npm run distributed [-- --help]

Starts Kafka and Postgres (or uses KAFKA_BROKERS / DATABASE_URL), then the inventory, the
composer, the simulated agents and the gateway, each as its own process, and imports the demo
lab into an empty inventory. Ctrl-C stops everything in reverse order.

Environment:
${distributedVariables.map(([name, fallback, meaning]) => `  ${name.padEnd(28)} ${fallback.padEnd(21)} ${meaning}`).join('\n')}`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let config;
  try {
    config = loadDistributedConfig();
  } catch (error) {
    console.error(messageOf(error));
    return 2;
  }
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      // Stopping is bounded (stopTimeoutMs); a repeated Ctrl-C does not cut it short, which
      // would leave the services (in their own process groups) running.
      if (signalled) return;
      signalled = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const cancelStart = new AbortController();
  void stopRequested.then(() => {
    cancelStart.abort();
  });
  let running: RunningDistributed;
  try {
    running = await startDistributed({ ...config, env: process.env, signal: cancelStart.signal });
  } catch (error) {
    // Whatever had started has been stopped.
    if (error instanceof DistributedError && error.code === 'DISTRIBUTED_START_CANCELLED') {
      console.log(`${await stopRequested}: stopped while starting`);
      return 0;
    }
    console.error(`distributed mode did not start: ${messageOf(error)}`);
    return 1;
  }
  console.log(`\n${welcomeText(running)}\n`);
  const outcome = await Promise.race([stopRequested, running.failed]);
  if (typeof outcome !== 'string') {
    console.error(
      `${outcome.part} ${outcome.how}${linesOf(outcome.lines)}\neverything else has been stopped`,
    );
    return 1;
  }
  console.log(`${outcome}: stopping`);
  setTimeout(() => {
    console.error(`not stopped after ${String(stopTimeoutMs / 1000)} s: exiting`);
    process.exit(1);
  }, stopTimeoutMs).unref();
  await running.close();
  console.log('stopped');
  return 0;
}

function messageOf(error: unknown): string {
  if (error instanceof DistributedError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

process.exitCode = await main();
