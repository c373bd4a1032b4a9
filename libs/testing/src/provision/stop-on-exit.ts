import { type TestInfra } from './provision-test-infra.js';

/**
 * Makes sure local servers do not outlive this process when it ends before the orderly stop
 * (vitest answers SIGINT/SIGTERM with `process.exit` within a millisecond, skipping teardowns):
 * on `exit`, and on SIGINT/SIGTERM, `infra.stopNow()` signals them. When nobody else handles the
 * signal, it is raised again so that the process still ends as it would have. Returns the
 * function that removes these hooks (call it once the orderly stop has begun).
 */
export function stopOnExit(infra: TestInfra): () => void {
  const onExit = (): void => {
    infra.stopNow();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    infra.stopNow();
    remove();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const remove = (): void => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return remove;
}
