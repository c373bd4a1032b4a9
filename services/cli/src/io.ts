/** Somewhere text goes: stdout or stderr. */
export interface TextSink {
  write(text: string): void;
}

/**
 * What the CLI touches of its process, injected so that `run` works in-process (tests, other
 * tools) as well as from `bin/tessera.js`. Data goes to `stdout`, everything else to `stderr`.
 */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** All of standard input (for `-f -` and `--token-stdin`). */
  readonly readStdin: () => Promise<string>;
  /** The environment variables the CLI reads (`TESSERA_*`, `XDG_CONFIG_HOME`, `HOME`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user interrupts: `watch` and `--wait` stop cleanly. */
  readonly signal?: AbortSignal;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Defaults to `Date.now`. */
  readonly now?: () => number;
}
