import { describe, expect, it } from 'vitest';
import { describeCommandResult, runCommand } from './run-command.js';

describe('runCommand', () => {
  it('collects stdout and stderr and the exit code', async () => {
    const result = await runCommand('sh', ['-c', 'echo out; echo err >&2; exit 3'], {
      timeoutMs: 10_000,
    });
    expect(result).toEqual({ outcome: 'exited', exitCode: 3, signal: null, output: 'out\nerr\n' });
    expect(describeCommandResult(result)).toBe('exited with code 3');
  });

  it('reports a program that does not exist', async () => {
    const result = await runCommand('/no/such/program', [], { timeoutMs: 10_000 });
    expect(result).toEqual({ outcome: 'not-found', command: '/no/such/program' });
  });

  it('kills a command that runs too long, even while a grandchild holds its output', async () => {
    const result = await runCommand('sh', ['-c', 'sleep 30 & echo $!; wait'], { timeoutMs: 300 });
    const grandchild = Number(result.outcome === 'timed-out' ? result.output.trim() : Number.NaN);
    try {
      expect(result).toEqual({ outcome: 'timed-out', timeoutMs: 300, output: `${grandchild}\n` });
      expect(describeCommandResult(result)).toBe('did not finish within 0 s');
    } finally {
      if (Number.isSafeInteger(grandchild)) process.kill(grandchild, 'SIGKILL');
    }
  });

  it('keeps only the end of a long output', async () => {
    const result = await runCommand('sh', ['-c', 'seq 1 10000'], {
      timeoutMs: 10_000,
      maxOutputChars: 10,
    });
    expect(result).toMatchObject({ outcome: 'exited', output: '\n9999\n10000\n'.slice(-10) });
  });
});
