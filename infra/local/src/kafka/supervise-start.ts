import { describeChildExit, stopChildProcess, watchChildExit } from '../process/index.js';
import { startupFailure, summarizeBrokerLog } from './broker-log.js';
import { spawnBroker, type BrokerLaunch } from './broker-process.js';
import { waitForBroker } from './broker-readiness.js';
import { removeBrokerRecord, writeBrokerRecord } from './broker-records.js';
import { KafkaStartTimeoutError } from './errors.js';
import { type LocalKafka } from './local-kafka.js';

export interface SupervisedStart {
  launch: BrokerLaunch;
  recordsDir: string;
  readyTimeoutMs: number;
  stopTimeoutMs: number;
  temporaryDataDir: boolean;
  removeDataDir: () => Promise<void>;
}

/**
 * Launches the broker's JVM, records it for reaping, and waits until it answers clients while
 * watching the process. On any failure the broker is stopped and its record removed before the
 * error is thrown; on success the caller owns `stop()`.
 */
export async function superviseBrokerStart(
  start: SupervisedStart,
): Promise<Omit<LocalKafka, 'version'>> {
  const { launch, recordsDir } = start;
  const { files } = launch;
  const child = await spawnBroker(launch);
  const exited = watchChildExit(child);
  const pid = child.pid;
  if (pid === undefined) {
    const exit = await exited;
    throw await startupFailure('broker', describeChildExit(exit), files, start.temporaryDataDir);
  }
  await writeBrokerRecord(recordsDir, {
    pid,
    ownerPid: process.pid,
    dataDir: files.dataDir,
    propertiesFile: files.propertiesFile,
    temporaryDataDir: start.temporaryDataDir,
    startedAt: new Date().toISOString(),
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await stopChildProcess(child, exited, { graceMs: start.stopTimeoutMs });
      await removeBrokerRecord(recordsDir, pid);
      await start.removeDataDir();
    })();
    return stopping;
  };

  const brokers = [`127.0.0.1:${launch.brokerPort}`];
  const readiness = await waitForBroker({ brokers, timeoutMs: start.readyTimeoutMs, exited });
  switch (readiness.outcome) {
    case 'ready':
      return { brokers, pid, dataDir: files.dataDir, logFile: files.logFile, exited, stop };
    case 'process-exited': {
      const failure = await startupFailure(
        'broker',
        describeChildExit(await exited),
        files,
        start.temporaryDataDir,
      );
      await stop();
      throw failure;
    }
    case 'timed-out': {
      const summary = await summarizeBrokerLog(files.logFile);
      await stop();
      const logFile = start.temporaryDataDir ? undefined : files.logFile;
      throw new KafkaStartTimeoutError(
        start.readyTimeoutMs,
        { ...summary, logFile },
        readiness.lastError,
      );
    }
  }
}
