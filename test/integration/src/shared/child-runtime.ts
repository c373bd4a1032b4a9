import { describeError, type Logger } from '@tessera/event-transport';
import { sendReport } from './child-reports.js';

/** A child that is not killed within this long after it started holding exits on its own. */
const longestHoldMs = 60_000;

/**
 * Parks the caller at a kill point until the test SIGKILLs this process. The wait is bounded:
 * when no kill comes, the child exits with code 3 instead of resuming (which would publish or
 * acknowledge what the test expects to stay unacknowledged).
 */
export async function holdForKill(): Promise<never> {
  await new Promise((resolve) => setTimeout(resolve, longestHoldMs));
  process.stderr.write(`held for ${longestHoldMs} ms and was never killed; exiting\n`);
  process.exit(3);
}

/** Warnings and errors as JSON lines on stderr, which the parent keeps for its failure messages. */
export function stderrLogger(label: string): Logger {
  const write =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      process.stderr.write(`${JSON.stringify({ level, label, message, ...fields })}\n`);
    };
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: write('warn'),
    error: write('error'),
  };
}

/** Runs a child's main; a failure is reported to the parent and ends the process with code 1. */
export function runChild(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    sendReport({ type: 'failed', error: describeError(error) });
    process.exit(1);
  });
}
