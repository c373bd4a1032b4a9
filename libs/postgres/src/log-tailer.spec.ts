import { describe, expect, it } from 'vitest';
import { LogTailer } from './log-tailer.js';

const waitFor = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('LogTailer', () => {
  it('drains available work without waiting, then sleeps until woken', async () => {
    let backlog = 3;
    let polls = 0;
    const tailer = new LogTailer({
      idlePollMs: 60_000,
      pollOnce: () => {
        polls += 1;
        const handled = Math.min(backlog, 1);
        backlog -= handled;
        return Promise.resolve(handled);
      },
    });
    await waitFor(() => backlog === 0 && polls >= 4);
    const pollsWhenIdle = polls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(polls).toBeLessThanOrEqual(pollsWhenIdle + 6);

    backlog = 2;
    tailer.wake();
    await waitFor(() => backlog === 0);
    await tailer.stop();
  });

  it('keeps chasing briefly after a wake that found nothing (rows behind an open transaction)', async () => {
    let visibleAfter = Number.POSITIVE_INFINITY;
    let handledLate = false;
    const tailer = new LogTailer({
      idlePollMs: 60_000,
      pollOnce: () => {
        if (!handledLate && Date.now() >= visibleAfter) {
          handledLate = true;
          return Promise.resolve(1);
        }
        return Promise.resolve(0);
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    visibleAfter = Date.now() + 30;
    tailer.wake();
    await waitFor(() => handledLate, 2_000);
    await tailer.stop();
  });

  it('ends with the error when a poll fails', async () => {
    const tailer = new LogTailer({
      pollOnce: () => Promise.reject(new Error('connection lost')),
    });
    await expect(tailer.finished).rejects.toThrow('connection lost');
  });
});
