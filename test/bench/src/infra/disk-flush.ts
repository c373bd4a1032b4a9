import { mkdtemp, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LatencySummary } from '../core/percentiles.js';
import { LatencyRecorder } from '../core/latency-recorder.js';
import { now } from '../core/timing.js';

export interface DiskFlush {
  /** Where the probe wrote (Postgres' data disk when this run started Postgres). */
  readonly folder: string;
  /** One 8 KiB write + fdatasync, as a WAL flush at commit does. */
  readonly fdatasyncMs: LatencySummary;
}

/**
 * What a durable commit pays on this disk: 8 KiB appends each followed by fdatasync, for
 * `durationMs` (bounded in count too). A disk that flushes in microseconds makes fsync=on cheap.
 */
export async function measureDiskFlush(parent: string, durationMs: number): Promise<DiskFlush> {
  const folder = await mkdtemp(path.join(parent, 'flush-probe-'));
  const recorder = new LatencyRecorder();
  const block = Buffer.alloc(8_192, 0x5a);
  try {
    const file = await open(path.join(folder, 'probe.bin'), 'w');
    try {
      const deadline = now() + durationMs;
      for (let written = 0; now() < deadline && written < 100_000; written += 1) {
        await file.write(block, 0, block.length, written * block.length);
        const before = now();
        await file.datasync();
        recorder.record(now() - before);
      }
    } finally {
      await file.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return { folder: parent, fdatasyncMs: recorder.summary() };
}
