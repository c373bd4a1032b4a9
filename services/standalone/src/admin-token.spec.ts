import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAdminToken } from './admin-token.js';
import { SavedAdminTokenInvalidError } from './standalone-errors.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-admin-token-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the admin token', () => {
  it('is generated once, saved readable by its owner only, and read back on the next start', async () => {
    const first = await resolveAdminToken(dataDir, undefined);
    expect(first.source).toBe('generated');
    expect(first.token).toMatch(/^tsr_[0-9a-f]{40}$/);
    const file = path.join(dataDir, 'admin-token');
    expect(await readFile(file, 'utf8')).toBe(`${first.token}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = await resolveAdminToken(dataDir, undefined);
    expect(second).toEqual({ token: first.token, source: 'saved', file });
  });

  it('is the configured one when given, and then nothing is saved', async () => {
    const token = await resolveAdminToken(dataDir, 'my-own-admin-token');
    expect(token).toMatchObject({ token: 'my-own-admin-token', source: 'environment' });
    await expect(stat(path.join(dataDir, 'admin-token'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a saved file that holds no usable token rather than replacing it', async () => {
    const file = path.join(dataDir, 'admin-token');
    await writeFile(file, 'too short\n');
    await chmod(file, 0o600);
    await expect(resolveAdminToken(dataDir, undefined)).rejects.toBeInstanceOf(
      SavedAdminTokenInvalidError,
    );
    expect(await readFile(file, 'utf8')).toBe('too short\n');
  });
});
