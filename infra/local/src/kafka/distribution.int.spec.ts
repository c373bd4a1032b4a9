import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafkaDistribution, kafkaCacheDir } from './index.js';
import { environmentWithPath } from './test-support/test-env.js';

// Uses the real cache (downloads from Maven Central only if this machine never did).
describe('ensureKafkaDistribution with the real cache', () => {
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'tessera-no-mvn-'));
  });
  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
  });

  it('reuses the cached broker without Maven, hence without network', async () => {
    const first = await ensureKafkaDistribution();
    expect(first.jarsDir).toBe(join(kafkaCacheDir(), '4.4.0', 'jars'));

    const again = await ensureKafkaDistribution({ env: environmentWithPath(emptyDir) });
    expect(again).toEqual({ version: '4.4.0', jarsDir: first.jarsDir, fetched: false });
  }, 600_000);
});
