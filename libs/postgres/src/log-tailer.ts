export interface LogTailerOptions {
  /**
   * Reads the next batch after the reader's checkpoint, handles it and advances the checkpoint;
   * returns how many rows it handled. A throw ends the tailer: its `finished` promise rejects,
   * and whoever supervises it decides whether to restart.
   */
  readonly pollOnce: () => Promise<number>;
  /** Longest wait between polls when nothing wakes the tailer. */
  readonly idlePollMs?: number;
}

/**
 * Drives a reader over a commit-safe log: polls while there is work, then sleeps until `wake()`
 * (a notification) or the idle interval. After a wake that finds nothing, it polls again after
 * 1, 2, 4, … ms: the new rows may still be hidden behind an older transaction that has not
 * committed yet, and will appear as soon as it does.
 */
export class LogTailer {
  readonly finished: Promise<void>;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private wakes = 0;
  private chaseDelayMs = 0;
  private readonly idlePollMs: number;

  constructor(private readonly options: LogTailerOptions) {
    this.idlePollMs = options.idlePollMs ?? 500;
    this.finished = this.run();
  }

  wake(): void {
    this.wakes += 1;
    this.chaseDelayMs = 1;
    this.wakeUp?.();
  }

  /** Stops after the batch in hand; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.finished.catch(() => undefined);
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    while (!this.stopping) {
      const wakesBefore = this.wakes;
      const handled = await this.options.pollOnce();
      if (handled > 0) {
        this.chaseDelayMs = 1;
        continue;
      }
      if (this.wakes === wakesBefore) {
        await this.sleep(this.nextDelay());
      }
    }
  }

  private nextDelay(): number {
    if (this.chaseDelayMs === 0) {
      return this.idlePollMs;
    }
    const delay = this.chaseDelayMs;
    this.chaseDelayMs = delay * 2 > this.idlePollMs ? 0 : delay * 2;
    return delay;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
