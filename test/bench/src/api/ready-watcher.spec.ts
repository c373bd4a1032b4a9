import { describe, expect, it } from 'vitest';
import { ReadyWatcher } from './ready-watcher.js';

const message = (type: string, compositionId: string, id: number) =>
  `id: ${id}\ndata: ${JSON.stringify({ type, streamId: `composition-${compositionId}` })}\n\n`;

/** A stream that sends `text` cut into pieces of `size` characters, then stays open. */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) {
        controller.enqueue(bytes.slice(at, at + size));
      }
    },
  });
}

describe('ReadyWatcher', () => {
  it('tells each composition its outcome from the stream, messages cut anywhere', async () => {
    const text = [
      message('tessera.composer.v1.Scheduled', 'a', 1),
      message('tessera.composer.v1.DeviceAttachFailed', 'a', 2),
      message('tessera.composer.v1.Ready', 'a', 3),
      message('tessera.composer.v1.Failed', 'b', 4),
      ': keep-alive\n\n',
    ].join('');
    const watcher = ReadyWatcher.of(streamOf(text, 7));
    const never = new AbortController().signal;
    // Both outcomes arrived before anyone waited: they are kept until asked for.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await watcher.until('a', 1_000, never)).toBe('Ready');
    expect(await watcher.until('b', 1_000, never)).toBe('Failed');
    expect(watcher.events).toBe(4);
    expect(await watcher.until('c', 30, never)).toBeUndefined();
  });

  it('answers a waiter when its event comes later, and undefined when aborted', async () => {
    let push: (text: string) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => {
          controller.enqueue(new TextEncoder().encode(text));
        };
      },
    });
    const watcher = ReadyWatcher.of(body);
    const stop = new AbortController();
    const ready = watcher.until('x', 5_000, stop.signal);
    const aborted = watcher.until('y', 5_000, stop.signal);
    push(message('tessera.composer.v1.Ready', 'x', 1));
    expect(await ready).toBe('Ready');
    stop.abort();
    expect(await aborted).toBeUndefined();
  });
});
