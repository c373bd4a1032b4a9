import { spawn } from 'node:child_process';

/** How a short-lived command ended. A closed union: callers switch over `outcome`. */
export type CommandResult =
  /** The command ran and exited (possibly with a non-zero code or by a signal). */
  | { outcome: 'exited'; exitCode: number | null; signal: NodeJS.Signals | null; output: string }
  /** The executable does not exist (ENOENT), e.g. not on PATH. */
  | { outcome: 'not-found'; command: string }
  /** It ran longer than `timeoutMs` and was killed with SIGKILL. */
  | { outcome: 'timed-out'; timeoutMs: number; output: string }
  /** It could not be started for another reason (EACCES, ...). */
  | { outcome: 'spawn-failed'; error: Error };

export interface RunCommandOptions {
  cwd?: string;
  /** Environment of the child; the parent's when omitted. Its PATH decides where `command` is found. */
  env?: NodeJS.ProcessEnv;
  /**
   * The child is killed with SIGKILL after this long. Required: nothing here may hang forever.
   * Only the child itself is killed; a program it started and did not `exec` may outlive it.
   */
  timeoutMs: number;
  /** Keep at most this many characters of combined stdout and stderr (the end). Default 64 KiB. */
  maxOutputChars?: number;
}

/**
 * Runs `command args` to completion without a shell and collects its stdout and stderr, interleaved
 * in arrival order, into one string. Never rejects: every way it can end is a `CommandResult`.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult> {
  const maxOutputChars = options.maxOutputChars ?? 64 * 1024;
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.length > 2 * maxOutputChars) output = output.slice(-maxOutputChars);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(
        error.code === 'ENOENT'
          ? { outcome: 'not-found', command }
          : { outcome: 'spawn-failed', error },
      );
    });
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      const kept = output.slice(-maxOutputChars);
      resolve(
        timedOut
          ? { outcome: 'timed-out', timeoutMs: options.timeoutMs, output: kept }
          : { outcome: 'exited', exitCode, signal, output: kept },
      );
    };
    // 'close' waits until every holder of the output pipes is gone, so that no output is lost.
    child.once('close', finish);
    // After a timeout, a grandchild (`sh -c 'sleep 99'`) may still hold the pipes: do not wait.
    child.once('exit', (exitCode, signal) => {
      if (!timedOut) return;
      child.stdout.destroy();
      child.stderr.destroy();
      finish(exitCode, signal);
    });
  });
}

/** One line that says how a command ended, for error messages. */
export function describeCommandResult(result: CommandResult): string {
  switch (result.outcome) {
    case 'exited':
      return result.signal === null
        ? `exited with code ${String(result.exitCode)}`
        : `was killed by ${result.signal}`;
    case 'not-found':
      return `was not found (${result.command})`;
    case 'timed-out':
      return `did not finish within ${Math.round(result.timeoutMs / 1000)} s`;
    case 'spawn-failed':
      return `could not be started: ${result.error.message}`;
  }
}
