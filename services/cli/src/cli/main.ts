/**
 * The `tessera` binary: runs the CLI on this process's argv, stdio and environment, and exits
 * with its code. Ctrl-C stops `watch` and `--wait` cleanly (a second one kills).
 */
import { processEnvironment } from '../config/cli-env.js';
import { run } from '../run.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// `tessera list devices | head -1`: a reader that went away is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: { write: (text) => process.stdout.write(text) },
  stderr: { write: (text) => process.stderr.write(text) },
  readStdin,
  env: processEnvironment(),
  signal: interrupt.signal,
});
