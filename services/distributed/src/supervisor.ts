import { DistributedError } from './errors.js';
import { linesOf } from './processes/log-lines.js';

/** How a part ended: one line, and for a process its last lines of output. */
export interface PartEnd {
  readonly how: string;
  readonly lines: readonly string[];
}

/** A part that stopped on its own while distributed mode ran: which, and how. */
export interface PartFailure extends PartEnd {
  readonly part: string;
}

interface Part {
  readonly name: string;
  readonly stop: () => Promise<void>;
}

/**
 * What has started, to stop in the reverse order, and the watch over it: when a part stops on
 * its own (not through `stopAll`), everything else is stopped and `failed` settles with which.
 */
export class Supervisor {
  private readonly parts: Part[] = [];
  private stopping: Promise<void> | undefined;
  private reportFailure: ((failure: PartFailure) => void) | undefined;
  /** Settles once a part stopped on its own and the others were stopped. Never rejects. */
  readonly failed: Promise<PartFailure>;
  /** Rejects as soon as a part stops on its own, for start-up steps to race against. */
  readonly failedEarly: Promise<never>;
  private rejectEarly: ((error: Error) => void) | undefined;
  private readonly stopController = new AbortController();

  constructor(
    private readonly events: {
      /** A part stopped on its own; everything is about to be stopped. */
      readonly onFailure: (failure: PartFailure) => void;
      readonly onStopError: (part: string, error: unknown) => void;
    },
  ) {
    this.failed = new Promise((resolve) => (this.reportFailure = resolve));
    this.failedEarly = new Promise<never>((_, reject) => (this.rejectEarly = reject));
    // Nobody may be racing it when a part fails after start-up.
    this.failedEarly.catch(() => undefined);
  }

  /** Registers a started part; `ended` settles, with how, if it stops (for whatever reason). */
  add(name: string, stop: () => Promise<void>, ended?: Promise<PartEnd>): void {
    this.parts.push({ name, stop });
    void ended?.then(({ how, lines }) => {
      if (this.stopping !== undefined) return;
      const failure = { part: name, how, lines };
      this.events.onFailure(failure);
      this.rejectEarly?.(
        new DistributedError('DISTRIBUTED_PROCESS_FAILED', `${name} ${how}${linesOf(lines)}`),
      );
      void this.stopAll().finally(() => this.reportFailure?.(failure));
    });
  }

  /** Aborted when `stopAll` begins: waits in progress give up. */
  get stopSignal(): AbortSignal {
    return this.stopController.signal;
  }

  /**
   * Stops every part, the last started first; one that fails to stop does not keep the others
   * running (its error goes to `onStopError`). Idempotent: later calls share the first.
   */
  stopAll(): Promise<void> {
    return (this.stopping ??= (async () => {
      this.stopController.abort();
      for (const part of this.parts.splice(0).reverse()) {
        try {
          await part.stop();
        } catch (error) {
          this.events.onStopError(part.name, error);
        }
      }
    })());
  }
}
