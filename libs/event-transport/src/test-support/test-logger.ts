import { type Logger, silentLogger } from '../logger.js';
import { testLoggingEnabled } from './test-env.js';

/** Silent unless `TESSERA_TEST_LOG=1`; then warnings and errors go to stderr. */
export function testLogger(name: string): Logger {
  if (!testLoggingEnabled()) {
    return silentLogger;
  }
  const print =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      console.error(JSON.stringify({ level, logger: name, message, ...fields }));
    };
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: print('warn'),
    error: print('error'),
  };
}
