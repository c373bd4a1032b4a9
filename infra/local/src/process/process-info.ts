import { readFile } from 'node:fs/promises';
import { runCommand } from './run-command.js';

/**
 * Whether a process with this pid exists and has not finished. A zombie (exited, not yet reaped
 * by its parent) counts as finished: on Linux its state in /proc/<pid>/stat is `Z`.
 */
export async function isProcessRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return true;
  // Format: "pid (comm) state ..."; comm may contain spaces and parentheses, so split at the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/**
 * The command line of a running process as its argument vector, or undefined when it is not
 * running or cannot be read. Uses /proc on Linux and `ps` elsewhere (where arguments that
 * contain spaces cannot be told apart, so the vector is split at spaces).
 */
export async function readProcessCommandLine(pid: number): Promise<string[] | undefined> {
  if (!(await isProcessRunning(pid))) return undefined;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline !== undefined) {
    const args = cmdline.split('\0').filter((arg) => arg.length > 0);
    return args.length > 0 ? args : undefined;
  }
  const ps = await runCommand('ps', ['-o', 'command=', '-p', String(pid)], { timeoutMs: 10_000 });
  if (ps.outcome !== 'exited' || ps.exitCode !== 0) return undefined;
  const line = ps.output.trim();
  return line.length > 0 ? line.split(/\s+/) : undefined;
}
