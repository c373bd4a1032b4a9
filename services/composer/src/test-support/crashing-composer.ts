import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type CompositionSpec, scheduler } from '@tessera/composer-domain';
import { device, host } from './composer-fixture.js';
import { workerEnvironment } from './ledger-contention-env.js';

/** Every composition the crashing replica leaves: two GPUs on h1. */
export const crashSpec: CompositionSpec = {
  name: 'crash',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count: 2 }],
};

export const crashPrefix = 'crash-composition-';

/** Host h1 reaching 40 exclusive GPUs `crash-00`…`crash-39`; each replica builds its own. */
export function crashPool(): scheduler.CandidateIndex {
  const index = new scheduler.CandidateIndex();
  index.upsertHost(host('h1'));
  const ids = Array.from({ length: 40 }, (_, at) => `crash-${String(at).padStart(2, '0')}`);
  for (const id of ids) index.upsertDevice(device(id));
  index.setRoutes(
    'h1',
    ids.map((deviceId) => ({ deviceId, hops: 1, switchPath: ['sw1'] })),
  );
  return index;
}

export interface CrashingComposer {
  /** The compositions it left, once it has left them all (attaches still in flight). */
  readonly compositions: Promise<readonly string[]>;
  /** SIGKILL to its process group. Idempotent. */
  kill(): void;
}

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const workerScript = fileURLToPath(new URL('./crashing-composer-worker.ts', import.meta.url));
const marker = 'CRASH_COMPOSITIONS ';

/** Starts the replica to kill (in its own process group, so that the kill reaches tsx's child). */
export function startCrashingComposer(settings: {
  readonly databaseUrl: string;
  readonly perStep: number;
  readonly attachTimeoutMs: number;
  readonly startTimeoutMs: number;
}): CrashingComposer {
  const child = spawn(tsx, ['--conditions=@tessera/source', workerScript], {
    cwd: repositoryRoot,
    env: workerEnvironment({
      DATABASE_URL: settings.databaseUrl,
      CRASH_PER_STEP: String(settings.perStep),
      CRASH_ATTACH_TIMEOUT_MS: String(settings.attachTimeoutMs),
    }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = (): void => {
    killGroup(child);
  };
  return { compositions: compositionsOf(child, settings.startTimeoutMs, kill), kill };
}

function compositionsOf(
  child: ChildProcess,
  timeoutMs: number,
  kill: () => void,
): Promise<readonly string[]> {
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`the crashing composer did not get ready in time; stderr:\n${stderr}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((text) => text.startsWith(marker));
      if (line !== undefined && stdout.includes(`${line}\n`)) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(marker.length)) as string[]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the crashing composer exited (${String(code ?? signal)}):\n${stderr}`));
    });
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
