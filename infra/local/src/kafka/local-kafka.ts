import { type ChildExit } from '../process/index.js';
import { type KafkaDistributionOptions } from './distribution.js';

export interface StartKafkaOptions extends KafkaDistributionOptions {
  /** Client (PLAINTEXT) port on 127.0.0.1; default a free one. */
  port?: number;
  /** KRaft controller port on 127.0.0.1; default a free one. */
  controllerPort?: number;
  /**
   * Folder for the broker's data, settings and log, kept after stop (a folder used before keeps
   * its topics). Default: a temporary folder that `stop()` removes.
   */
  dataDir?: string;
  /** The JVM; default `$JAVA_HOME/bin/java`, else `java` from the PATH of `env`. */
  javaCommand?: string;
  /** Broker settings added to or overriding the defaults (see `brokerProperties`). */
  properties?: Readonly<Record<string, string>>;
  /** How long to wait for the broker to answer clients. Default 90 s. */
  readyTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL. Default 20 s. */
  stopTimeoutMs?: number;
  /** Folder of the running-broker records; default `<cacheDir>/brokers`. */
  recordsDir?: string;
}

/** A running broker. Call `stop()` when done, also when a test fails. */
export interface LocalKafka {
  /** Bootstrap servers for clients, e.g. `['127.0.0.1:41234']`. */
  brokers: string[];
  version: string;
  /** The broker's JVM. */
  pid: number;
  dataDir: string;
  logFile: string;
  /** Settles when the broker's process ends, whether by `stop()` or on its own. */
  exited: Promise<ChildExit>;
  /** Stops the broker (SIGTERM, bounded wait, SIGKILL), forgets its record and removes a
   *  temporary data folder. Idempotent. */
  stop(): Promise<void>;
}
