/**
 * `tsx --conditions=@tessera/source libs/testing/src/cli/with-test-infra.ts -- <command> [args]`
 *
 * Provisions Postgres and Kafka once (DATABASE_URL / KAFKA_BROKERS when set, testcontainers when
 * a Docker engine answers, local processes otherwise), runs the command with DATABASE_URL and
 * KAFKA_BROKERS in its environment (so every project's global setup just uses them), forwards
 * SIGINT/SIGTERM to it, stops what it started when the command ends, and exits with the
 * command's exit code. With TESSERA_TEST_INFRA=none it provisions nothing and just runs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';
import { TestInfraError } from '../errors.js';
import { defaultProvisionDependencies } from '../provision/default-dependencies.js';
import {
  describeTestInfra,
  provisionTestInfra,
  type TestInfra,
} from '../provision/provision-test-infra.js';
import { commandEnvWithInfra, readTestInfraEnv } from '../test-infra-env.js';

const usage =
  'usage: with-test-infra -- <command> [args...]   e.g. with-test-infra -- nx run-many -t test';

/** What this process is doing, so that a signal can be handled accordingly. */
const state: { infra?: TestInfra; child?: ChildProcess; signal?: NodeJS.Signals } = {};

/**
 * While the command runs, a signal is passed on to it (its end then ends this process in order).
 * Before it runs, the signal is remembered and honoured once provisioning returns. A second
 * signal means "now": local servers are signalled and this process exits at once.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (state.signal !== undefined) {
    state.infra?.stopNow();
    process.exit(exitCodeFor(signal));
  }
  state.signal = signal;
  state.child?.kill(signal);
}

async function main(argv: string[]): Promise<number> {
  const [program, ...args] = argv[0] === '--' ? argv.slice(1) : argv;
  if (program === undefined || program === '--help') {
    console.error(usage);
    return program === undefined ? 2 : 0;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Should this process be torn down abruptly, local servers must not outlive it.
  process.once('exit', () => state.infra?.stopNow());

  try {
    const env = readTestInfraEnv();
    if (env.mode === 'provide') {
      state.infra = await provisionTestInfra(env, defaultProvisionDependencies);
      console.error(`with-test-infra: ${describeTestInfra(state.infra)}`);
    } else {
      console.error('with-test-infra: TESSERA_TEST_INFRA=none, no Postgres or Kafka provisioned');
    }
  } catch (error) {
    console.error(error instanceof TestInfraError ? `${error.code}: ${error.message}` : error);
    return 1;
  }

  try {
    if (state.signal !== undefined) return exitCodeFor(state.signal);
    return await run(program, args, state.infra);
  } finally {
    await state.infra?.stop().catch((error: unknown) => {
      console.error('with-test-infra: stopping the test infrastructure failed:', error);
    });
  }
}

async function run(program: string, args: string[], infra: TestInfra | undefined): Promise<number> {
  const env = commandEnvWithInfra(
    infra && { databaseUrl: infra.postgres.url, kafkaBrokers: infra.kafka.brokers },
  );
  // Windows finds `nx` (nx.cmd) only through a shell.
  const child = spawn(program, args, {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  state.child = child;
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    return signal === null ? (code ?? 1) : exitCodeFor(signal);
  } catch (error) {
    // `once` rejects when the child emits 'error', i.e. it could not be started.
    console.error(`with-test-infra: could not run ${program}:`, error);
    return 127;
  } finally {
    state.child = undefined;
  }
}

function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

process.exitCode = await main(process.argv.slice(2));
