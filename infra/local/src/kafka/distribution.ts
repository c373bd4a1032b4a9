import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  describeCommandResult,
  LockTimeoutError,
  runCommand,
  withFileLock,
} from '../process/index.js';
import {
  distributionLayout,
  FETCH_TEMP_PREFIX,
  kafkaCacheDir,
  type DistributionLayout,
} from './cache-layout.js';
import {
  findLog4jCoreVersion,
  renderDistributionPom,
  type DistributionPomInput,
} from './distribution-pom.js';
import { KafkaFetchError } from './errors.js';
import { readKafkaEnvironment } from './kafka-env.js';
import {
  assertSupportedKafkaVersion,
  DEFAULT_KAFKA_VERSION,
  knownLog4jVersion,
} from './kafka-version.js';
import { requireMaven } from './prerequisites.js';

export interface KafkaDistributionOptions {
  /** A 4.x release; default `TESSERA_KAFKA_VERSION`, else 4.4.0. */
  version?: string;
  /** The runner's cache folder; default `kafkaCacheDir()`. */
  cacheDir?: string;
  /** Maven's executable; default `mvn` from PATH. Only run when the cache lacks the version. */
  mavenCommand?: string;
  /** Environment for Maven (its PATH decides where `mvn` is found); default this process's. */
  env?: NodeJS.ProcessEnv;
  /** Bound on the whole download, including waiting for another process's. Default 10 min. */
  fetchTimeoutMs?: number;
}

export interface KafkaDistribution {
  version: string;
  /** Folder of the broker's jars: the class path is `<jarsDir>/*`. */
  jarsDir: string;
  /** True when this call downloaded it; false when the cache already held it (no network used). */
  fetched: boolean;
}

/**
 * Makes sure the broker's jars for `version` are in the cache and says where. The first call
 * downloads them from Maven Central with Maven into a temporary folder and renames the complete
 * folder into place, under a lock, so an interrupted or concurrent download never leaves a
 * half-filled cache. Later calls only look at the folder: no Maven, no network.
 */
export async function ensureKafkaDistribution(
  options: KafkaDistributionOptions = {},
): Promise<KafkaDistribution> {
  const version = options.version ?? readKafkaEnvironment().kafkaVersion ?? DEFAULT_KAFKA_VERSION;
  assertSupportedKafkaVersion(version);
  const layout = distributionLayout(options.cacheDir ?? kafkaCacheDir(), version);
  if (await isComplete(layout, version)) {
    return { version, jarsDir: layout.jarsDir, fetched: false };
  }

  const mavenCommand = options.mavenCommand ?? 'mvn';
  await requireMaven(mavenCommand, `download Apache Kafka ${version} into ${layout.jarsDir}`, {
    env: options.env,
  });
  const timeoutMs = options.fetchTimeoutMs ?? 10 * 60_000;
  const deadline = Date.now() + timeoutMs;
  await mkdir(layout.versionDir, { recursive: true });
  const fetched = await withFileLock(
    layout.lockFile,
    async () => {
      if (await isComplete(layout, version)) return false;
      await removeAbandonedDownloads(layout);
      const maven = { command: mavenCommand, env: options.env, deadline };
      return downloadInto(layout, version, maven);
    },
    { timeoutMs },
  ).catch((error: unknown) => {
    if (!(error instanceof LockTimeoutError)) throw error;
    throw new KafkaFetchError(
      `another process has been downloading Apache Kafka ${version} for too long (${error.message})`,
      '',
    );
  });
  return { version, jarsDir: layout.jarsDir, fetched };
}

interface MavenRun {
  command: string;
  env: NodeJS.ProcessEnv | undefined;
  deadline: number;
}

/** Returns false when another process completed the same download first (then ours is dropped). */
async function downloadInto(
  layout: DistributionLayout,
  version: string,
  maven: MavenRun,
): Promise<boolean> {
  const workDir = await mkdtemp(join(layout.versionDir, FETCH_TEMP_PREFIX));
  try {
    const log4jVersion =
      knownLog4jVersion(version) ?? (await discoverLog4jVersion(layout, workDir, version, maven));
    const jarsDir = join(workDir, 'jars');
    await copyRuntimeDependencies(
      layout,
      workDir,
      jarsDir,
      { kafkaVersion: version, log4jVersion },
      maven,
    );
    await assertHasBrokerJars(jarsDir, version);
    // A jars folder that is there but incomplete was damaged by hand: replace it.
    await rm(layout.jarsDir, { recursive: true, force: true });
    try {
      await rename(jarsDir, layout.jarsDir);
      return true;
    } catch (error) {
      if (await isComplete(layout, version)) return false;
      throw error;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** For a release missing from the known table: resolve Kafka alone and read log4j-core's version. */
async function discoverLog4jVersion(
  layout: DistributionLayout,
  workDir: string,
  version: string,
  maven: MavenRun,
): Promise<string> {
  const probeDir = join(workDir, 'probe');
  const pom = { kafkaVersion: version, log4jVersion: undefined };
  await copyRuntimeDependencies(layout, workDir, probeDir, pom, maven);
  const log4jVersion = findLog4jCoreVersion(await readdir(probeDir));
  if (log4jVersion === undefined) {
    throw new KafkaFetchError(
      `Kafka ${version} depends on no log4j-core, so its logging binding is unknown; use ${DEFAULT_KAFKA_VERSION}`,
      '',
    );
  }
  return log4jVersion;
}

async function copyRuntimeDependencies(
  layout: DistributionLayout,
  workDir: string,
  outputDir: string,
  pom: DistributionPomInput,
  maven: MavenRun,
): Promise<void> {
  const pomFile = join(workDir, 'pom.xml');
  await writeFile(pomFile, renderDistributionPom(pom));
  const result = await runCommand(
    maven.command,
    [
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      pomFile,
      `-Dmaven.repo.local=${layout.mavenRepository}`,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${outputDir}`,
    ],
    { cwd: workDir, env: maven.env, timeoutMs: Math.max(1, maven.deadline - Date.now()) },
  );
  if (result.outcome === 'exited' && result.exitCode === 0) return;
  throw new KafkaFetchError(
    `downloading Apache Kafka ${pom.kafkaVersion} from Maven Central failed: Maven ` +
      `${describeCommandResult(result)}; check the network or proxy settings (~/.m2/settings.xml)`,
    'output' in result ? result.output.trim().split('\n').slice(-30).join('\n') : '',
  );
}

async function assertHasBrokerJars(jarsDir: string, version: string): Promise<void> {
  const names = await readdir(jarsDir).catch((): string[] => []);
  const missing = [`kafka_2.13-${version}.jar`, 'log4j-slf4j-impl-'].filter(
    (expected) => !names.some((name) => name.startsWith(expected)),
  );
  if (missing.length > 0) {
    throw new KafkaFetchError(`Maven finished but did not provide ${missing.join(', ')}`, '');
  }
}

/** The jars folder only ever appears complete (by rename), so its presence is the whole test. */
async function isComplete(layout: DistributionLayout, version: string): Promise<boolean> {
  const found = await stat(join(layout.jarsDir, `kafka_2.13-${version}.jar`)).catch(
    () => undefined,
  );
  return found?.isFile() === true;
}

/** Temporary folders of downloads that were killed; called only while holding the lock. */
async function removeAbandonedDownloads(layout: DistributionLayout): Promise<void> {
  const entries = await readdir(layout.versionDir);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(FETCH_TEMP_PREFIX))
      .map((name) => rm(join(layout.versionDir, name), { recursive: true, force: true })),
  );
}
