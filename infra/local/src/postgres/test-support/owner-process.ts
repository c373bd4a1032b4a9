import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface OrphanedCluster {
  readonly pid: number;
  readonly port: number;
  readonly dataDir: string;
}

const fixture = fileURLToPath(new URL('./start-and-hang.ts', import.meta.url));

/**
 * Runs `start-and-hang.ts` in a child Node process (with tsx), waits until its cluster is up, then
 * kills the child with SIGKILL so that it cannot stop its postmaster. Bounded by `timeoutMs`.
 */
export async function startClusterThenKillOwner(
  args: string[],
  timeoutMs = 90_000,
): Promise<OrphanedCluster> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@tessera/source', fixture, ...args],
    {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`the owner process did not report a cluster within ${timeoutMs} ms: ${stderr}`),
        );
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const end = stdout.indexOf('\n');
        if (end >= 0) {
          clearTimeout(timer);
          resolve(stdout.slice(0, end));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(
            `the owner process exited (${String(code)}) before its cluster was up: ${stderr}`,
          ),
        );
      });
    });
    return JSON.parse(line) as OrphanedCluster;
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}
