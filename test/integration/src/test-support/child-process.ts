import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type ChildSettings, childProcessEnv } from '../shared/child-env.js';
import { type ChildReport, type ChildReportType, parseReport } from '../shared/child-reports.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));

/** The scripts in src/children/. */
export type ChildScript = 'relay' | 'consumer';

const keptStderrChars = 4_000;
const exitAfterKillMs = 10_000;

/** Children still running, so that a test's cleanup (or this process's exit) can kill them. */
const running = new Set<ChildHandle>();

/**
 * A child process of a scenario. It runs in a process group of its own: the tsx launcher starts
 * the script in a second Node process, and a SIGKILL of the launcher alone would leave that one
 * running, so `kill()` signals the whole group.
 */
export class ChildHandle {
  readonly reports: ChildReport[] = [];
  private stderr = '';
  private readonly closed: Promise<void>;
  private readonly listeners = new Set<() => void>();
  private exit: string | undefined;

  constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const report = parseReport(line);
      if (report) this.reports.push(report);
      this.notify();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-keptStderrChars);
    });
    this.closed = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.exit = signal ?? `exit code ${String(code)}`;
        running.delete(this);
        this.notify();
        resolve();
      });
    });
  }

  /** The first report of `type` that matches; rejects when the child ends first or on timeout. */
  waitForReport<T extends ChildReportType>(
    type: T,
    timeoutMs: number,
    matches: (report: Extract<ChildReport, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ChildReport, { type: T }>> {
    type Wanted = Extract<ChildReport, { type: T }>;
    const isWanted = (report: ChildReport): report is Wanted =>
      report.type === type && matches(report as Wanted);
    return new Promise((resolve, reject) => {
      const settle = (outcome: { found: Wanted } | { problem: string }): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if ('found' in outcome) resolve(outcome.found);
        else reject(this.failure(outcome.problem));
      };
      const check = (): void => {
        const found = this.reports.find(isWanted);
        if (found) settle({ found });
        else if (this.exit !== undefined) {
          settle({ problem: `ended (${this.exit}) before reporting ${type}` });
        }
      };
      const timer = setTimeout(() => {
        settle({ problem: `did not report ${type} within ${timeoutMs} ms` });
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** SIGKILLs the child's process group (a real crash) and waits until it is gone. */
  async kill(): Promise<void> {
    if (this.exit === undefined) this.signalGroup();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.closed,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(this.failure(`was still running ${exitAfterKillMs} ms after SIGKILL`));
        }, exitAfterKillMs);
      }),
    ]).finally(() => {
      clearTimeout(timer);
    });
  }

  /** SIGKILL to the child's process group, at once (also usable in an exit hook). */
  signalGroup(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  private notify(): void {
    [...this.listeners].forEach((listener) => {
      listener();
    });
  }

  private failure(problem: string): Error {
    return new Error(`child ${this.label} ${problem}; its stderr ends with:\n${this.stderr}`);
  }
}

/** Starts `src/children/<script>.ts` with tsx and the workspace's source condition. */
export function startChild(script: ChildScript, settings: ChildSettings): ChildHandle {
  const file = fileURLToPath(new URL(`../children/${script}.ts`, import.meta.url));
  const child = spawn(tsx, ['--conditions=@tessera/source', file], {
    cwd: projectRoot,
    env: childProcessEnv(settings),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = new ChildHandle(settings.label, child);
  running.add(handle);
  return handle;
}

/** Kills every child still running (each test's cleanup). */
export async function killRunningChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.kill()));
}

// A test process that exits without its cleanup must not leave children behind.
process.once('exit', () => {
  running.forEach((child) => {
    child.signalGroup();
  });
});
