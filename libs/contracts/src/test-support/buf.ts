import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root, where buf must run for proto/buf.gen.yaml's relative paths to hold. */
export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const bufBinary = join(workspaceRoot, 'node_modules', '.bin', 'buf');

/** buf can take a few seconds on a loaded 2-core machine; anything longer is a hang. */
const bufTimeoutMs = 60_000;

export interface BufResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the workspace's pinned buf with the same cache folder as the Nx targets and a minimal
 * environment: only node on PATH (for the local ts-proto plugin), nothing from $HOME.
 * Resolves with buf's exit code instead of rejecting, so that tests can assert on failures.
 */
export function runBuf(args: readonly string[]): Promise<BufResult> {
  const env = {
    PATH: dirname(process.execPath),
    BUF_CACHE_DIR: join(workspaceRoot, '.cache', 'buf'),
  };
  return new Promise((resolve, reject) => {
    execFile(
      bufBinary,
      args,
      { cwd: workspaceRoot, env, timeout: bufTimeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ exitCode: 0, stdout, stderr });
        } else if (typeof error.code === 'number') {
          resolve({ exitCode: error.code, stdout, stderr });
        } else {
          reject(
            new Error(`buf ${args.join(' ')} did not finish: ${error.message}`, { cause: error }),
          );
        }
      },
    );
  });
}

/** A private copy of proto/ (sources, buf config and published baseline) in a temp folder. */
export interface ProtoCopy {
  /** The copied module: `<temp>/proto`. */
  readonly protoDir: string;
  /** The temp folder that holds the copy; free for other scratch output. */
  readonly root: string;
  readonly remove: () => Promise<void>;
}

export async function copyProtoModule(): Promise<ProtoCopy> {
  const root = await mkdtemp(join(tmpdir(), 'tessera-proto-'));
  const protoDir = join(root, 'proto');
  await cp(join(workspaceRoot, 'proto'), protoDir, {
    recursive: true,
    filter: (source) => basename(source) !== 'node_modules',
  });
  return { protoDir, root, remove: () => rm(root, { recursive: true, force: true }) };
}
