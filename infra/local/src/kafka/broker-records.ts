import { mkdir, readdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessRunning, readProcessCommandLine, stopProcessById } from '../process/index.js';

/**
 * What is recorded about each broker while it runs, so that a later start can stop the brokers
 * of runs that were killed before they could stop their own (SIGKILL, a crashed test worker).
 */
export interface BrokerRecord {
  /** The broker's JVM. */
  pid: number;
  /** The process that started it and is responsible for stopping it. */
  ownerPid: number;
  dataDir: string;
  /** The properties file on the broker's command line; proves that a pid is still this broker. */
  propertiesFile: string;
  /** Whether `dataDir` was created for this broker and is removed with it. */
  temporaryDataDir: boolean;
  startedAt: string;
}

export async function writeBrokerRecord(recordsDir: string, record: BrokerRecord): Promise<void> {
  await mkdir(recordsDir, { recursive: true });
  const file = recordFile(recordsDir, record.pid);
  await writeFile(`${file}.tmp`, JSON.stringify(record, null, 2));
  await rename(`${file}.tmp`, file);
}

export async function removeBrokerRecord(recordsDir: string, pid: number): Promise<void> {
  await rm(recordFile(recordsDir, pid), { force: true });
}

/** What reaping found: brokers stopped, and records dropped because their broker was gone. */
export interface ReapReport {
  stopped: BrokerRecord[];
  forgotten: BrokerRecord[];
}

/**
 * Stops every recorded broker whose owner process is dead, removes its temporary data folder and
 * its record. A recorded pid is only signalled while its command line is still a java process
 * running that broker's properties file: after a reboot or a long time the pid may be reused.
 */
export async function reapOrphanedBrokers(
  recordsDir: string,
  options: { stopTimeoutMs: number },
): Promise<ReapReport> {
  const report: ReapReport = { stopped: [], forgotten: [] };
  for (const record of await readBrokerRecords(recordsDir)) {
    if (await isProcessRunning(record.ownerPid)) continue;
    if (await isRecordedBroker(record)) {
      await stopProcessById(record.pid, { graceMs: options.stopTimeoutMs });
      report.stopped.push(record);
    } else {
      report.forgotten.push(record);
    }
    if (record.temporaryDataDir) await rm(record.dataDir, { recursive: true, force: true });
    await removeBrokerRecord(recordsDir, record.pid);
  }
  return report;
}

async function isRecordedBroker(record: BrokerRecord): Promise<boolean> {
  const args = await readProcessCommandLine(record.pid);
  if (args === undefined) return false;
  const program = args[0]?.split('/').at(-1);
  return program === 'java' && args.includes(record.propertiesFile);
}

async function readBrokerRecords(recordsDir: string): Promise<BrokerRecord[]> {
  const names = await readdir(recordsDir).catch((): string[] => []);
  const records: BrokerRecord[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json'))) {
    const record = parseRecord(await readFile(join(recordsDir, name), 'utf8').catch(() => ''));
    if (record === undefined) {
      await rm(join(recordsDir, name), { force: true });
    } else {
      records.push(record);
    }
  }
  return records;
}

/** A record as written by `writeBrokerRecord`, or undefined for anything else (then dropped). */
export function parseRecord(text: string): BrokerRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Partial<Record<keyof BrokerRecord, unknown>>;
  const valid =
    isPid(record.pid) &&
    isPid(record.ownerPid) &&
    typeof record.dataDir === 'string' &&
    typeof record.propertiesFile === 'string' &&
    typeof record.temporaryDataDir === 'boolean' &&
    typeof record.startedAt === 'string';
  return valid ? (value as BrokerRecord) : undefined;
}

function isPid(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function recordFile(recordsDir: string, pid: number): string {
  return join(recordsDir, `${pid}.json`);
}
