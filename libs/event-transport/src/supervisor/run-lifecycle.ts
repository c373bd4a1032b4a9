/**
 * The shared state of one consumer run: whether it crashed (and why), and one abort signal
 * that ends handler retries and waits both when the run crashes and when it is stopped.
 */
export class RunLifecycle {
  /** Resolves with the cause of the first crash; stays pending otherwise. */
  readonly crashed: Promise<unknown>;
  private readonly ending = new AbortController();
  private reportCrash: (cause: unknown) => void = () => undefined;
  private crashCause: { readonly cause: unknown } | undefined;

  constructor() {
    this.crashed = new Promise((resolve) => {
      this.reportCrash = resolve;
    });
  }

  /** Aborted once the run crashed or is stopping: acknowledge nothing after that. */
  get signal(): AbortSignal {
    return this.ending.signal;
  }

  get hasCrashed(): boolean {
    return this.crashCause !== undefined;
  }

  /** Records the first crash; later ones are ignored. */
  crash(cause: unknown): void {
    if (this.crashCause) {
      return;
    }
    this.crashCause = { cause };
    this.ending.abort();
    this.reportCrash(cause);
  }

  /** Marks the run as stopping (not a crash). */
  end(): void {
    this.ending.abort();
  }
}
