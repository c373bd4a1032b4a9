import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./with-test-infra.ts', import.meta.url));
const givenInfra = {
  TESSERA_TEST_INFRA: '',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5999/postgres',
  KAFKA_BROKERS: '127.0.0.1:5998',
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `env` added; `onStdout` may act on the output (e.g. send a signal). */
async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  onStdout?: (text: string, pid: number) => void,
): Promise<Run> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@tessera/source', cli, ...args],
    {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    onStdout?.(run.stdout, child.pid ?? -1);
  });
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    [run.code] = (await once(child, 'exit')) as [number | null];
  } finally {
    clearTimeout(timer);
  }
  return run;
}

const printEnvAndExit = (code: number): string[] => [
  process.execPath,
  '-e',
  `console.log(process.env.DATABASE_URL + ' ' + process.env.KAFKA_BROKERS); process.exit(${code})`,
];

describe('with-test-infra', () => {
  it('runs the command with DATABASE_URL and KAFKA_BROKERS set and exits with its code', async () => {
    const run = await runCli(['--', ...printEnvAndExit(3)], givenInfra);

    expect(run.code).toBe(3);
    expect(run.stdout).toBe(`${givenInfra.DATABASE_URL} ${givenInfra.KAFKA_BROKERS}\n`);
    expect(run.stderr).toContain('Postgres from the environment');
    expect(run.stderr).toContain('Kafka from the environment');
  }, 90_000);

  it('provisions nothing under TESSERA_TEST_INFRA=none', async () => {
    const run = await runCli(['--', ...printEnvAndExit(0)], {
      TESSERA_TEST_INFRA: 'none',
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
    });

    expect(run.code).toBe(0);
    // The command sees the environment unchanged: both variables empty.
    expect(run.stdout).toBe(' \n');
    expect(run.stderr).toContain('no Postgres or Kafka provisioned');
  }, 90_000);

  it('passes SIGTERM on to the command and exits as the command did', async () => {
    let signalled = false;
    const command = [
      process.execPath,
      '-e',
      `process.on('SIGTERM', () => process.exit(7)); console.log('ready'); setInterval(() => {}, 1000)`,
    ];
    const run = await runCli(['--', ...command], givenInfra, (text, pid) => {
      if (!signalled && text.includes('ready')) {
        signalled = true;
        process.kill(pid, 'SIGTERM');
      }
    });

    expect(signalled).toBe(true);
    expect(run.code).toBe(7);
  }, 90_000);

  it('reports a command that cannot be started', async () => {
    const run = await runCli(['--', 'tessera-no-such-command'], givenInfra);
    expect(run.code).toBe(127);
    expect(run.stderr).toContain('could not run tessera-no-such-command');
  }, 90_000);
});
