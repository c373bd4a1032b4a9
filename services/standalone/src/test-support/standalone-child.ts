import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readyLine } from '../cli/welcome.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** What `npm start` runs: the build (the test target builds it first, see project.json). */
const builtMain = path.join(projectRoot, 'dist', 'cli', 'main.js');

/** A standalone process as `npm start` runs it, on a given data folder. */
export interface StandaloneChild {
  readonly pid: number;
  /** Resolves with what it printed once it is ready; rejects if it exits first or times out. */
  ready(): Promise<ReadyOutput>;
  /** Resolves with its exit code (or signal) when it has exited. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  output(): string;
  signal(signal: NodeJS.Signals): void;
}

export interface ReadyOutput {
  readonly text: string;
  readonly httpUrl: string;
  readonly inventoryUrl: string;
  readonly composerUrl: string;
}

/** Fails when the build is missing or older than the sources it is built from (tsconfig.lib.json). */
export async function assertFreshBuild(): Promise<void> {
  const built = await stat(builtMain).catch(() => undefined);
  const sources = await readdir(path.join(projectRoot, 'src'), { recursive: true });
  const newest = Math.max(
    ...(await Promise.all(
      sources
        .filter(
          (file) =>
            file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.includes('test-support'),
        )
        .map(async (file) => (await stat(path.join(projectRoot, 'src', file))).mtimeMs),
    )),
  );
  if (built === undefined || built.mtimeMs < newest) {
    throw new Error(
      `${builtMain} is missing or older than src/: run \`npx nx run standalone:build\` first ` +
        '(`nx run standalone:test` does)',
    );
  }
}

/** Starts `node dist/cli/main.js` with only the given Tessera settings in its environment. */
export function startStandaloneChild(
  settings: Record<string, string>,
  readyTimeoutMs: number,
): StandaloneChild {
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !name.startsWith('TESSERA_') && name !== 'DATABASE_URL' && name !== 'KAFKA_BROKERS',
    ),
  );
  const child = spawn(process.execPath, [builtMain], {
    cwd: projectRoot,
    env: { ...environment, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(code ?? signal);
    });
  });
  return {
    pid: child.pid ?? -1,
    ready: () => readyOutput(child, () => output, readyTimeoutMs),
    exited,
    output: () => output,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

async function readyOutput(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<ReadyOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = output();
    const ready = parseReady(text);
    if (ready !== undefined) return ready;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the standalone process exited before it was ready:\n${text}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the standalone process was not ready in ${timeoutMs} ms:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function parseReady(text: string): ReadyOutput | undefined {
  const start = text.indexOf(readyLine);
  if (start < 0) return undefined;
  const welcome = text.slice(start);
  const end = welcome.indexOf('Stop with Ctrl-C');
  if (end < 0) return undefined;
  const httpUrl = new RegExp(`^${readyLine} (\\S+)`).exec(welcome)?.[1];
  const grpc = /Services\s+inventory (\S+), composer (\S+)/.exec(welcome);
  if (httpUrl === undefined || grpc?.[1] === undefined || grpc[2] === undefined) return undefined;
  return { text: welcome.slice(0, end), httpUrl, inventoryUrl: grpc[1], composerUrl: grpc[2] };
}
