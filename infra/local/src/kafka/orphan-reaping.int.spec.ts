import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isProcessRunning,
  readProcessCommandLine,
  stopChildProcess,
  stopProcessById,
  watchChildExit,
} from '../process/index.js';
import { startKafka, type LocalKafka } from './index.js';

const ownerScript = fileURLToPath(
  new URL('./test-support/start-orphan-broker.ts', import.meta.url),
);

interface Orphan {
  ownerPid: number;
  pid: number;
  dataDir: string;
}

/** Starts a broker from another process, then SIGKILLs that process: the broker stays behind. */
async function leaveOrphanBroker(recordsDir: string): Promise<Orphan> {
  const owner = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@tessera/source', ownerScript, recordsDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ownerExited = watchChildExit(owner);
  try {
    const lines = createInterface({ input: owner.stdout });
    const firstLine = new Promise<string>((resolve) => lines.once('line', resolve));
    const line = await Promise.race([firstLine, ownerExited.then(() => undefined)]);
    if (line === undefined) throw new Error('the owner process exited before its broker started');
    return JSON.parse(line) as Orphan;
  } finally {
    owner.kill('SIGKILL');
    await stopChildProcess(owner, ownerExited, { graceMs: 1_000 });
  }
}

describe('a broker left by a killed run', () => {
  let recordsDir: string;
  let orphan: Orphan | undefined;
  let next: LocalKafka | undefined;
  beforeEach(async () => {
    recordsDir = await mkdtemp(join(tmpdir(), 'tessera-kafka-records-'));
  });
  afterEach(async () => {
    await next?.stop();
    if (orphan !== undefined && (await readProcessCommandLine(orphan.pid))?.[0]?.endsWith('java')) {
      await stopProcessById(orphan.pid, { graceMs: 10_000 });
      await rm(orphan.dataDir, { recursive: true, force: true });
    }
    await rm(recordsDir, { recursive: true, force: true });
  });

  it('is stopped by the next start, with its temporary folder', async () => {
    orphan = await leaveOrphanBroker(recordsDir);
    expect(await isProcessRunning(orphan.ownerPid)).toBe(false);
    expect(await isProcessRunning(orphan.pid)).toBe(true);

    next = await startKafka({ recordsDir });

    expect(await isProcessRunning(orphan.pid)).toBe(false);
    await expect(stat(orphan.dataDir)).rejects.toThrow(/ENOENT/);
    expect(await readdir(recordsDir)).toEqual([`${next.pid}.json`]);
  }, 240_000);
});
