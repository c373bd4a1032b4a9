/**
 * A writer's place in its own streams: which stream the next append goes to and the version it
 * expects there. A stream takes `eventsPerStream` events (an aggregate's life), then the writer
 * moves to a new one, so appends mix new streams and existing ones as services do.
 */
export class StreamCursor {
  private stream = 0;
  private version = 0;

  constructor(
    private readonly streamPrefix: string,
    private readonly eventsPerStream: number,
  ) {
    if (!Number.isInteger(eventsPerStream) || eventsPerStream < 1) {
      throw new RangeError(`eventsPerStream must be a positive integer, got ${eventsPerStream}`);
    }
  }

  /** Where an append of `count` events goes; call `appended` or `failed` once it settled. */
  next(count: number): { streamId: string; expectedVersion: number } {
    if (this.version > 0 && this.version + count > this.eventsPerStream) this.moveOn();
    return { streamId: `${this.streamPrefix}${this.stream}`, expectedVersion: this.version };
  }

  appended(count: number): void {
    this.version += count;
  }

  /** After a failed append the stream's version is unknown: continue on a new stream. */
  failed(): void {
    this.moveOn();
  }

  private moveOn(): void {
    this.stream += 1;
    this.version = 0;
  }
}
