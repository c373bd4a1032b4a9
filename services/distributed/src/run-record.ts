import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DistributedError } from './errors.js';

/** What `<dataDir>/distributed.json` says about the run that uses the folder. */
interface RunRecordContent {
  readonly pid: number;
  readonly children: readonly {
    readonly name: string;
    readonly pid: number;
    readonly script: string;
  }[];
}

/** The data folder, claimed by this process, and the children it has started so far. */
export interface RunRecord {
  addChild(name: string, pid: number, script: string): Promise<void>;
  /** Forgets the run: the folder is free again. */
  release(): Promise<void>;
}

/**
 * Claims the data folder for this process. A folder used by a live run is refused (a second
 * Postgres on the same cluster would stop the first one's). A folder left by a run that was
 * killed (SIGKILL, a crash) has its services stopped first: they run in their own process groups
 * and outlive their parent. A pid counts as that service only while its command line still
 * names the service's script (pids are reused).
 */
export async function claimRunRecord(dataDir: string): Promise<RunRecord> {
  const file = path.join(dataDir, 'distributed.json');
  const previous = await readRecord(file);
  if (previous !== undefined && previous.pid !== process.pid && isRunning(previous.pid)) {
    throw new DistributedError(
      'DISTRIBUTED_DATA_DIR_IN_USE',
      `${dataDir} is in use by process ${String(previous.pid)}; stop it first, or use another ` +
        'folder (TESSERA_DATA_DIR)',
    );
  }
  for (const child of previous?.children ?? []) {
    if (await isSameProcess(child.pid, child.script)) await stopLeftover(child.pid);
  }
  const children: RunRecordContent['children'][number][] = [];
  const save = (): Promise<void> =>
    writeFile(file, `${JSON.stringify({ pid: process.pid, children })}\n`);
  await save();
  return {
    addChild: async (name, pid, script) => {
      children.push({ name, pid, script });
      await save();
    },
    release: () => rm(file, { force: true }),
  };
}

async function readRecord(file: string): Promise<RunRecordContent | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunRecordContent;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux only (`/proc`); elsewhere a leftover is never recognised, so never stopped. */
async function isSameProcess(pid: number, script: string): Promise<boolean> {
  try {
    const commandLine = await readFile(`/proc/${String(pid)}/cmdline`, 'utf8');
    return commandLine.split('\0').includes(script);
  } catch {
    return false;
  }
}

async function stopLeftover(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 15_000 && isRunning(pid); waited += 100) await sleep(100);
  if (isRunning(pid)) process.kill(pid, 'SIGKILL');
}
