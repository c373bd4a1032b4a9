import type { Logger } from '@tessera/event-transport';
import { now } from './timing.js';

/** Warnings and errors the libraries logged during a run, grouped by message. */
export interface LoggedWarnings {
  readonly total: number;
  readonly byMessage: readonly { readonly message: string; readonly count: number }[];
}

/**
 * Progress lines and library logs, all on stderr: stdout carries only the report. Library
 * warnings are printed the first few times each message occurs, then only counted (a fresh Kafka
 * broker repeats the same retried coordinator errors many times).
 */
export class Progress {
  readonly logger: Logger;
  private readonly startedAt = now();
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly printedPerMessage = 3,
  ) {
    const record = (level: string, message: string, fields?: Record<string, unknown>): void => {
      this.recordLibraryLog(level, message, fields);
    };
    this.logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message, fields) => {
        record('warn', message, fields);
      },
      error: (message, fields) => {
        record('error', message, fields);
      },
    };
  }

  step(message: string): void {
    this.write(`[bench +${((now() - this.startedAt) / 1_000).toFixed(1)}s] ${message}`);
  }

  warnings(): LoggedWarnings {
    const byMessage = [...this.counts]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 10);
    const total = [...this.counts.values()].reduce((sum, count) => sum + count, 0);
    return { total, byMessage };
  }

  private recordLibraryLog(level: string, message: string, fields?: Record<string, unknown>): void {
    const key = `${level}: ${message}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.printedPerMessage) {
      this.write(`[lib ${level}] ${message} ${fields ? JSON.stringify(fields) : ''}`.trimEnd());
    } else if (count === this.printedPerMessage + 1) {
      this.write(`[lib ${level}] ${message} (repeats; counted in the report from now on)`);
    }
  }
}
