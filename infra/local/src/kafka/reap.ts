import { reapOrphanedBrokers, type ReapReport } from './broker-records.js';
import { brokerRecordsDir, kafkaCacheDir } from './cache-layout.js';

export interface ReapOptions {
  /** Default `kafkaCacheDir()`. */
  cacheDir?: string;
  /** Default `<cacheDir>/brokers`; must match the `recordsDir` the brokers were started with. */
  recordsDir?: string;
  /** How long each broker gets after SIGTERM before SIGKILL. Default 20 s. */
  stopTimeoutMs?: number;
}

/**
 * Stops brokers whose starting process died without stopping them (killed test runs) and removes
 * their temporary data folders. `startKafka` does this itself before every start; call it
 * directly from a global teardown or a cleanup script.
 */
export function reapOrphanedKafkaBrokers(options: ReapOptions = {}): Promise<ReapReport> {
  const recordsDir = options.recordsDir ?? brokerRecordsDir(options.cacheDir ?? kafkaCacheDir());
  return reapOrphanedBrokers(recordsDir, { stopTimeoutMs: options.stopTimeoutMs ?? 20_000 });
}
