import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runPostgresCommand } from './postgres.js';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('npm run infra -- postgres', () => {
  it('prints its usage with an example', async () => {
    expect(await runPostgresCommand(['--help'])).toBe(0);
    expect(await runPostgresCommand(['start', '--port', 'eighty'])).toBe(2);
    expect(await runPostgresCommand(['launch'])).toBe(2);
  });

  it('start runs a throwaway cluster in the foreground until SIGINT, then removes it', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@tessera/source', main, 'postgres', 'start'],
      {
        cwd: path.dirname(main),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = once(child, 'exit');
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no DATABASE_URL within 90 s: ${stderr}`));
        }, 90_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /^DATABASE_URL=(\S+)$/m.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const dataDir = /cluster in (\S+) /.exec(stderr)?.[1];

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();

      child.kill('SIGINT');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(dataDir).toBeDefined();
      await expect(lstat(path.dirname(dataDir!))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
