/**
 * Sends whatever is written to stdout to stderr until the returned function is called: stdout
 * carries only the report. The in-process control plane logs some lines at Nest's LOG level
 * to stdout (those written before a service applies its log levels).
 */
export function divertStdoutToStderr(): () => void {
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr);
  return () => {
    process.stdout.write = stdoutWrite;
  };
}
