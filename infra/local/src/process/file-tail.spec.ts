import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileTail } from './file-tail.js';

describe('readFileTail', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-tail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the last lines', async () => {
    const file = join(dir, 'a.log');
    await writeFile(file, 'one\ntwo\nthree\n');
    expect(await readFileTail(file, { maxLines: 2 })).toBe('two\nthree');
  });

  it('reads only the end of a big file', async () => {
    const file = join(dir, 'b.log');
    await writeFile(file, `${'x'.repeat(100_000)}\nlast line\n`);
    expect(await readFileTail(file, { maxBytes: 20 })).toBe('xxxxxxxxx\nlast line');
  });

  it('is empty for a file that does not exist yet', async () => {
    expect(await readFileTail(join(dir, 'missing.log'))).toBe('');
  });
});
