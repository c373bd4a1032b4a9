/** The `tessera` CLI as a library: run it in-process with your own stdio. */
export { run, buildProgram } from './run.js';
export type { CliIo, TextSink } from './io.js';
export { ExitCode } from './errors.js';
