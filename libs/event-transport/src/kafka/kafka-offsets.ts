import type { EachBatchPayload } from 'kafkajs';

/** Commit handled offsets at least this often inside a batch (and always at its end). */
const commitEveryMessages = 100;
const commitEveryMs = 1_000;

/**
 * Commits what was handled of one partition's batch: every `commitEveryMessages` messages or
 * `commitEveryMs`, and when asked at the end, so a crash redelivers at most that window.
 */
export class PartitionOffsets {
  private handledOffset: string | undefined;
  private handledSinceCommit = 0;
  private lastCommitAt = Date.now();

  constructor(private readonly payload: EachBatchPayload) {}

  /** Records that every record up to and including `offset` was handled (or dead-lettered). */
  handled(offset: string, count = 1): void {
    this.payload.resolveOffset(offset);
    this.handledOffset = offset;
    this.handledSinceCommit += count;
  }

  async commitIfDue(): Promise<void> {
    if (
      this.handledSinceCommit >= commitEveryMessages ||
      Date.now() - this.lastCommitAt >= commitEveryMs
    ) {
      await this.commit();
    }
  }

  async commit(): Promise<void> {
    if (this.handledOffset === undefined || this.handledSinceCommit === 0) {
      return;
    }
    const { batch } = this.payload;
    await this.payload.commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [{ partition: batch.partition, offset: nextOffset(this.handledOffset) }],
        },
      ],
    });
    this.handledSinceCommit = 0;
    this.lastCommitAt = Date.now();
  }
}

/** Kafka commits the offset of the next record to read. */
function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
