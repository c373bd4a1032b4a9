/**
 * Generic helpers for local infrastructure runners (the Kafka broker, the Postgres cluster) that
 * start and supervise child processes. Nothing here knows about a particular program.
 *
 * - `runCommand`: run a short command to completion with a timeout; never rejects.
 * - `watchChildExit` + `stopChildProcess`: supervise a long-running child you spawned and stop it
 *   (SIGTERM, bounded wait, SIGKILL).
 * - `isProcessRunning`, `readProcessCommandLine`, `stopProcessById`: deal with a process known only
 *   by pid, e.g. one left behind by a killed run (verify its command line before stopping it).
 * - `withFileLock`: an exclusive lock between processes that survives crashes of its holder.
 * - `readFileTail`: the end of a log file, for error messages.
 * - `findFreePorts`: free loopback ports.
 */
export { describeChildExit, watchChildExit, type ChildExit } from './child-exit.js';
export { readFileTail, type FileTailOptions } from './file-tail.js';
export { LockTimeoutError, withFileLock, type FileLockOptions } from './file-lock.js';
export { findFreePorts } from './free-ports.js';
export { isProcessRunning, readProcessCommandLine } from './process-info.js';
export {
  describeCommandResult,
  runCommand,
  type CommandResult,
  type RunCommandOptions,
} from './run-command.js';
export {
  stopChildProcess,
  stopProcessById,
  type StopOptions,
  type StopOutcome,
} from './stop-process.js';
