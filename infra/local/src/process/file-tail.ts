import { open } from 'node:fs/promises';

export interface FileTailOptions {
  /** Keep at most this many lines from the end. Default 40. */
  maxLines?: number;
  /** Read at most this many bytes from the end of the file. Default 32 KiB. */
  maxBytes?: number;
}

/**
 * The last lines of a (log) file, or '' when it does not exist yet. Reads only the end of the
 * file, so it is cheap on large logs. The first line may be cut when the byte limit hits mid-line.
 */
export async function readFileTail(path: string, options: FileTailOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? 32 * 1024;
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return '';
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-(options.maxLines ?? 40)).join('\n');
  } finally {
    await handle.close();
  }
}
