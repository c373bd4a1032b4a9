import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeCommandResult, runCommand } from '../process/index.js';
import {
  brokerProperties,
  LOCAL_CLUSTER_ID,
  renderLog4jConfig,
  renderProperties,
} from './broker-config.js';

/** The files of one broker inside its data folder. */
export interface BrokerFiles {
  dataDir: string;
  propertiesFile: string;
  log4jConfigFile: string;
  /** Everything the broker says: log4j output, the JVM's own stdout and stderr, the format step. */
  logFile: string;
  logDirs: string;
}

export function brokerFiles(dataDir: string): BrokerFiles {
  return {
    dataDir,
    propertiesFile: join(dataDir, 'server.properties'),
    log4jConfigFile: join(dataDir, 'log4j2.properties'),
    logFile: join(dataDir, 'broker.log'),
    logDirs: join(dataDir, 'kraft-logs'),
  };
}

export interface BrokerLaunch {
  javaCommand: string;
  jarsDir: string;
  env: NodeJS.ProcessEnv | undefined;
  files: BrokerFiles;
  brokerPort: number;
  controllerPort: number;
  overrides: Readonly<Record<string, string>> | undefined;
}

/** The heap that NOTES.md measured as enough once the dedupe buffer is small (see broker-config). */
const BROKER_JVM_OPTIONS = ['-Xms128m', '-Xmx192m', '-XX:+ExitOnOutOfMemoryError'];
const FORMAT_TIMEOUT_MS = 120_000;

/** Writes the broker's settings and logging configuration into its data folder. */
export async function writeBrokerConfiguration(launch: BrokerLaunch): Promise<void> {
  const { files } = launch;
  await mkdir(files.logDirs, { recursive: true });
  const properties = brokerProperties({
    brokerPort: launch.brokerPort,
    controllerPort: launch.controllerPort,
    logDirs: files.logDirs,
    overrides: launch.overrides,
  });
  await writeFile(files.propertiesFile, renderProperties(properties));
  await writeFile(files.log4jConfigFile, renderLog4jConfig(files.logFile));
}

/**
 * Formats the KRaft storage with the fixed cluster id; a folder formatted before is left as it is.
 * Its output is appended to the broker's log. Returns undefined on success, else how it ended.
 */
export async function formatStorage(launch: BrokerLaunch): Promise<string | undefined> {
  const { files } = launch;
  const result = await runCommand(
    launch.javaCommand,
    [
      '-Xmx128m',
      `-Dlog4j2.configurationFile=${files.log4jConfigFile}`,
      '-cp',
      classPath(launch.jarsDir),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      LOCAL_CLUSTER_ID,
      '-c',
      files.propertiesFile,
      '--standalone',
      '--ignore-formatted',
    ],
    { env: launch.env, timeoutMs: FORMAT_TIMEOUT_MS },
  );
  const output = 'output' in result ? result.output : '';
  await appendFile(files.logFile, output);
  return result.outcome === 'exited' && result.exitCode === 0
    ? undefined
    : describeCommandResult(result);
}

/**
 * Spawns the broker's JVM in a process group of its own. Its stdout and stderr go to the log
 * file, so that JVM errors that happen before log4j starts (a bad option, OutOfMemoryError) are
 * in the log too.
 */
export async function spawnBroker(launch: BrokerLaunch): Promise<ChildProcess> {
  const { files } = launch;
  const log = await open(files.logFile, 'a');
  try {
    return spawn(
      launch.javaCommand,
      [
        ...BROKER_JVM_OPTIONS,
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${files.log4jConfigFile}`,
        '-cp',
        classPath(launch.jarsDir),
        'kafka.Kafka',
        files.propertiesFile,
      ],
      // Its own process group, as the Postgres server's: Ctrl-C in a terminal reaches the
      // program that started it, which stops its clients first and the broker last.
      { env: launch.env, stdio: ['ignore', log.fd, log.fd], detached: true },
    );
  } finally {
    // The child holds its own copy of the descriptor.
    await log.close();
  }
}

/** Java expands a trailing `*` in a class path entry to every jar of the folder. */
function classPath(jarsDir: string): string {
  return join(jarsDir, '*');
}
