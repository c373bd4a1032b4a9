import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { workerEnvironment } from './ledger-contention-env.js';

/** What one contending process did, printed by ledger-contention-worker.ts when it ends. */
export interface ContentionStats {
  worker: string;
  attempts: number;
  successes: number;
  refusals: number;
  confirms: number;
  /** Reservations another process's sweep released before this one confirmed them. */
  expiredBeforeConfirm: number;
  releases: number;
  expiredReleased: number;
  /** Anything other than a refusal: a deadlock, a constraint the ledger let through. */
  failures: string[];
}

export const statsPrefix = 'LEDGER_STATS ';

export interface ContentionWorkerSettings {
  readonly worker: string;
  readonly databaseUrl: string;
  readonly devices: readonly { deviceId: string; maxCompositions: number }[];
  readonly durationMs: number;
  /** Longest wait for the process to start, run and report, on top of `durationMs`. */
  readonly graceMs: number;
}

export interface ContentionWorker {
  /** Resolves with the worker's stats when it exits cleanly; rejects on anything else. */
  readonly stats: Promise<ContentionStats>;
  /** SIGKILL to the worker's process group if it is still running. Idempotent. */
  kill(): void;
}

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const workerScript = fileURLToPath(new URL('./ledger-contention-worker.ts', import.meta.url));

/** Starts a contending process (its own process group, so that kill reaches tsx's child too). */
export function startContentionWorker(settings: ContentionWorkerSettings): ContentionWorker {
  const child = spawn(tsx, ['--conditions=@tessera/source', workerScript], {
    cwd: repositoryRoot,
    env: workerEnvironment({
      DATABASE_URL: settings.databaseUrl,
      LEDGER_WORKER: settings.worker,
      LEDGER_DEVICES: JSON.stringify(settings.devices),
      LEDGER_DURATION_MS: String(settings.durationMs),
    }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = (): void => {
    killGroup(child);
  };
  return { stats: collectStats(child, settings, kill), kill };
}

function collectStats(
  child: ChildProcess,
  settings: ContentionWorkerSettings,
  kill: () => void,
): Promise<ContentionStats> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`worker ${settings.worker} did not finish in time; stderr:\n${stderr}`));
    }, settings.durationMs + settings.graceMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith(statsPrefix));
      if (code !== 0 || line === undefined) {
        reject(
          new Error(
            `worker ${settings.worker} exited (${String(code ?? signal)}) without stats:\n${stderr}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(line.slice(statsPrefix.length)) as ContentionStats);
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
