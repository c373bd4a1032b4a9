import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchChildExit } from './child-exit.js';
import { isProcessRunning, readProcessCommandLine } from './process-info.js';
import { stopChildProcess, stopProcessById } from './stop-process.js';

/** A shell that ignores SIGTERM (as a hung JVM would) and says when it is ready. */
function spawnStubborn(): ReturnType<typeof spawn> {
  return spawn('sh', ['-c', "trap '' TERM; echo ready; while true; do sleep 0.1; done"], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

async function ready(child: ReturnType<typeof spawn>): Promise<void> {
  await new Promise((resolve) => child.stdout?.once('data', resolve));
}

describe('stopChildProcess', () => {
  it('stops a child that obeys SIGTERM', async () => {
    const child = spawn('sleep', ['30']);
    const exited = watchChildExit(child);
    expect(await stopChildProcess(child, exited, { graceMs: 5_000 })).toBe('terminated');
    expect(await exited).toEqual({ exitCode: null, signal: 'SIGTERM' });
    expect(await stopChildProcess(child, exited, { graceMs: 5_000 })).toBe('already-exited');
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const child = spawnStubborn();
    const exited = watchChildExit(child);
    await ready(child);
    expect(await stopChildProcess(child, exited, { graceMs: 300 })).toBe('killed');
    expect((await exited).signal).toBe('SIGKILL');
  });
});

describe('stopProcessById', () => {
  it('stops a process known only by pid, escalating to SIGKILL', async () => {
    const child = spawnStubborn();
    const exited = watchChildExit(child);
    await ready(child);
    const pid = child.pid!;
    expect(await readProcessCommandLine(pid)).toEqual(expect.arrayContaining(['sh', '-c']));
    expect(await stopProcessById(pid, { graceMs: 300 })).toBe('killed');
    await exited;
    expect(await isProcessRunning(pid)).toBe(false);
    expect(await readProcessCommandLine(pid)).toBeUndefined();
    expect(await stopProcessById(pid, { graceMs: 300 })).toBe('already-exited');
  });
});
