import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePorts } from '../process/index.js';
import { startupFailure } from './broker-log.js';
import {
  brokerFiles,
  formatStorage,
  writeBrokerConfiguration,
  type BrokerLaunch,
} from './broker-process.js';
import { reapOrphanedBrokers } from './broker-records.js';
import { brokerRecordsDir, kafkaCacheDir } from './cache-layout.js';
import { ensureKafkaDistribution } from './distribution.js';
import { InvalidKafkaOptionsError, KafkaExitedDuringStartupError } from './errors.js';
import { readKafkaEnvironment } from './kafka-env.js';
import { type LocalKafka, type StartKafkaOptions } from './local-kafka.js';
import { requireJava } from './prerequisites.js';
import { superviseBrokerStart } from './supervise-start.js';

/** Ports the runner chose itself are tried this often when another process takes one first. */
const PORT_RACE_ATTEMPTS = 3;

/**
 * Starts a single-node KRaft broker on loopback and resolves once it answers clients. In order:
 * stops brokers left by killed runs, checks for Java (and Maven when the cache is empty),
 * downloads the broker once, formats the storage and launches the JVM, watching it: a broker that
 * exits during start-up rejects at once with `KafkaExitedDuringStartupError` carrying its log tail.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<LocalKafka> {
  validatePorts(options);
  const cacheDir = options.cacheDir ?? kafkaCacheDir();
  const recordsDir = options.recordsDir ?? brokerRecordsDir(cacheDir);
  const stopTimeoutMs = options.stopTimeoutMs ?? 20_000;
  await reapOrphanedBrokers(recordsDir, { stopTimeoutMs });
  const javaCommand = options.javaCommand ?? readKafkaEnvironment().javaCommand ?? 'java';
  await requireJava(javaCommand, { env: options.env });
  const distribution = await ensureKafkaDistribution({ ...options, cacheDir });
  const context: LaunchContext = {
    ...options,
    javaCommand,
    jarsDir: distribution.jarsDir,
    recordsDir,
    stopTimeoutMs,
    readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ...(await launchOnce(context)), version: distribution.version };
    } catch (error) {
      if (attempt >= PORT_RACE_ATTEMPTS || !isPortRace(error, options)) throw error;
    }
  }
}

interface LaunchContext extends StartKafkaOptions {
  javaCommand: string;
  jarsDir: string;
  recordsDir: string;
  stopTimeoutMs: number;
  readyTimeoutMs: number;
}

async function launchOnce(context: LaunchContext): Promise<Omit<LocalKafka, 'version'>> {
  const temporaryDataDir = context.dataDir === undefined;
  const dataDir =
    context.dataDir === undefined
      ? await mkdtemp(join(tmpdir(), 'tessera-kafka-'))
      : resolve(context.dataDir);
  const removeDataDir = async (): Promise<void> => {
    if (temporaryDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await mkdir(dataDir, { recursive: true });
    const launch = await prepareLaunch(context, dataDir);
    const formatFailure = await formatStorage(launch);
    if (formatFailure !== undefined) {
      throw await startupFailure('storage-format', formatFailure, launch.files, temporaryDataDir);
    }
    return await superviseBrokerStart({
      launch,
      recordsDir: context.recordsDir,
      readyTimeoutMs: context.readyTimeoutMs,
      stopTimeoutMs: context.stopTimeoutMs,
      temporaryDataDir,
      removeDataDir,
    });
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}

async function prepareLaunch(context: LaunchContext, dataDir: string): Promise<BrokerLaunch> {
  const [freeBroker = 0, freeController = 0] = await findFreePorts(2);
  const launch: BrokerLaunch = {
    javaCommand: context.javaCommand,
    jarsDir: context.jarsDir,
    env: context.env,
    files: brokerFiles(dataDir),
    brokerPort: context.port ?? freeBroker,
    controllerPort: context.controllerPort ?? freeController,
    overrides: context.properties,
  };
  await writeBrokerConfiguration(launch);
  return launch;
}

function validatePorts(options: StartKafkaOptions): void {
  const ports = { port: options.port, controllerPort: options.controllerPort };
  for (const [name, port] of Object.entries(ports)) {
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65_536)) {
      throw new InvalidKafkaOptionsError(`${name} must be a TCP port (1-65535), got ${port}`);
    }
  }
}

/** A broker that died because a port the runner picked was taken in the meantime. */
function isPortRace(error: unknown, options: StartKafkaOptions): boolean {
  const portsChosenHere = options.port === undefined || options.controllerPort === undefined;
  return (
    portsChosenHere &&
    error instanceof KafkaExitedDuringStartupError &&
    error.stage === 'broker' &&
    (error.firstError ?? error.logTail).includes('Address already in use')
  );
}
