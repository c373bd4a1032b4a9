/**
 * `npm start`: the whole control plane in this process (services/standalone/README.md), until
 * SIGINT or SIGTERM stops it in order (within 30 s, else it exits anyway). Settings come from
 * the environment (src/standalone-config.ts). Exit codes: 0 stopped, 1 failed to start or to
 * stop in time.
 */
import 'reflect-metadata';
import { isTesseraError } from '@tessera/errors';
import { type RunningStandalone, startStandalone } from '../standalone.js';
import { loadStandaloneConfig, type StandaloneConfig } from '../standalone-config.js';
import { welcomeText } from './welcome.js';

/** How long stopping may take before the process exits anyway. */
const stopTimeoutMs = 30_000;

async function main(): Promise<void> {
  let config: StandaloneConfig;
  try {
    config = loadStandaloneConfig();
  } catch (error) {
    fail(error);
    return;
  }
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      // Stopping takes at most stopTimeoutMs; a repeated signal does not cut it short, since
      // the data is safe either way and an orderly stop spares the next start a recovery.
      if (signalled) return;
      signalled = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  let standalone: RunningStandalone;
  try {
    // Warnings and errors only: the welcome text says what started, and where.
    standalone = await startStandalone(config, { logLevels: ['error', 'warn'] });
  } catch (error) {
    // What started was stopped; exit now rather than wait for the signal listeners.
    fail(error);
    process.exit();
  }
  console.log(welcomeText(standalone, config));
  const signal = await stopRequested;
  console.log(`${signal}: stopping`);
  setTimeout(() => {
    console.error(`not stopped after ${String(stopTimeoutMs / 1000)} s: exiting`);
    process.exit(1);
  }, stopTimeoutMs).unref();
  try {
    await standalone.close();
    console.log('stopped');
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): void {
  console.error(
    isTesseraError(error)
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error),
  );
  process.exitCode = 1;
}

await main();
