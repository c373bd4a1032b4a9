/**
 * `npm run bench -- <name>`: runs one benchmark and prints its report as ONE JSON object on
 * stdout; progress and logs go to stderr. Exit codes: 0 done, 1 failed, 2 unknown benchmark,
 * 130 interrupted. Ctrl-C (or SIGTERM) stops the run and still cleans up; a second one exits at once.
 */
import { setMaxListeners } from 'node:events';
import { readBenchConfig } from './bench-config.js';
import { benchmarks, isBenchmarkName } from './benchmarks.js';
import { BenchAbortedError } from './core/errors.js';
import { Progress } from './core/progress.js';

async function main(argv: readonly string[]): Promise<number> {
  const name = argv[0];
  if (!isBenchmarkName(name) || argv.length > 1) {
    process.stderr.write(
      `usage: npm run bench -- <benchmark>\n` +
        `${name === undefined ? 'no benchmark given' : `unknown benchmark "${argv.join(' ')}"`}; available:\n` +
        Object.entries(benchmarks)
          .map(([known, benchmark]) => `  ${known}  ${benchmark.description}\n`)
          .join(''),
    );
    return 2;
  }
  const benchmark = benchmarks[name];
  const progress = new Progress();
  const controller = new AbortController();
  // Every paced lane waits on the signal at once.
  setMaxListeners(1_000, controller.signal);
  let signals = 0;
  const interrupt = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      process.stderr.write(`${signal} again: exiting without cleaning up\n`);
      process.exit(130);
    }
    progress.step(`${signal}: stopping and cleaning up (again to exit at once)`);
    controller.abort(new Error(signal));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const limit = setTimeout(() => {
    progress.step(`overall limit of ${benchmark.overallLimitMs / 1_000} s reached: stopping`);
    controller.abort(new Error(`overall limit of ${benchmark.overallLimitMs} ms`));
  }, benchmark.overallLimitMs);
  try {
    const report = await benchmark.run({
      config: readBenchConfig(),
      signal: controller.signal,
      progress,
    });
    if (controller.signal.aborted) throw new BenchAbortedError(String(controller.signal.reason));
    await writeStdout(`${JSON.stringify(report, null, 2)}\n`);
    progress.step('done');
    return 0;
  } catch (error) {
    const aborted = controller.signal.aborted || error instanceof BenchAbortedError;
    process.stderr.write(
      `bench ${name} ${aborted ? 'interrupted' : 'failed'}: ${describe(error, !aborted)}\n`,
    );
    return aborted ? 130 : 1;
  } finally {
    clearTimeout(limit);
  }
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/** The error's code and message, with its stack when it is unexpected. */
function describe(error: unknown, withStack: boolean): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const text = withStack ? (error.stack ?? error.message) : error.message;
  return `${typeof code === 'string' ? `[${code}] ` : ''}${text}`;
}

// Libraries may leave sockets or timers behind (kafkajs does): the benchmark ends when it is done.
process.exit(await main(process.argv.slice(2)));
