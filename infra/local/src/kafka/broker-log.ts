import { readFileTail } from '../process/index.js';
import { type BrokerFiles } from './broker-process.js';
import { KafkaExitedDuringStartupError } from './errors.js';

/** What a failed start's log says, for error messages. */
export interface BrokerLogSummary {
  /** The last lines of the log. */
  tail: string;
  /** The first error the log reports and its deepest cause, when it reports one. */
  firstError: string | undefined;
}

const TAIL_LINES = 40;
/** A broker that failed at start-up has logged far less than this. */
const SCANNED_BYTES = 1024 * 1024;

export async function summarizeBrokerLog(logFile: string): Promise<BrokerLogSummary> {
  const text = await readFileTail(logFile, {
    maxBytes: SCANNED_BYTES,
    maxLines: Number.MAX_SAFE_INTEGER,
  });
  return {
    tail: text.split('\n').slice(-TAIL_LINES).join('\n'),
    firstError: findFirstError(text),
  };
}

/** `[2026-11-23 05:23:02,386] ERROR message (logger)` as written by the runner's log4j layout. */
const LOG_LINE = /^\[[^\]]+\] (\w+) /;
/** What the JVM itself prints before log4j runs or when it dies. */
const JVM_ERROR = /^(Error:|Exception in thread|Terminating due to|java\.lang\.\w*Error)/;

/** The first line of a Java stack trace: `some.package.SomeException: message`. */
const EXCEPTION_LINE = /^[\w.$]+(Exception|Error)(: |$)/;

/**
 * The first ERROR or FATAL entry of a broker log (or the JVM's own error) with the exception it
 * logged and every `Caused by:` of its stack trace, in one line. The tail of a failed start is
 * mostly shutdown chatter; this line usually names the real problem, such as "Socket server
 * failed to bind to 127.0.0.1:9092: Address already in use.".
 */
export function findFirstError(log: string): string | undefined {
  const lines = log.split('\n');
  const start = lines.findIndex((line) => {
    const level = LOG_LINE.exec(line)?.[1];
    return level === 'ERROR' || level === 'FATAL' || JVM_ERROR.test(line);
  });
  const first = lines[start];
  if (first === undefined) return undefined;
  const parts = [first.replace(LOG_LINE, '$1 ').trim()];
  const following = lines.slice(start + 1);
  const stackEnd = following.findIndex((line) => LOG_LINE.test(line));
  for (const [index, line] of following.slice(0, stackEnd < 0 ? undefined : stackEnd).entries()) {
    if (index === 0 && EXCEPTION_LINE.test(line)) parts.push(line.trim());
    if (line.startsWith('Caused by: ')) parts.push(`caused by ${line.slice(11).trim()}`);
  }
  return parts.join('; ');
}

/**
 * The error for a start that ended early, with what the log says. Call it before a temporary
 * data folder (and the log in it) is removed; the error then names no log file.
 */
export async function startupFailure(
  stage: 'storage-format' | 'broker',
  exitDescription: string,
  files: BrokerFiles,
  temporaryDataDir: boolean,
): Promise<KafkaExitedDuringStartupError> {
  const summary = await summarizeBrokerLog(files.logFile);
  return new KafkaExitedDuringStartupError(stage, exitDescription, {
    ...summary,
    logFile: temporaryDataDir ? undefined : files.logFile,
  });
}
