import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { round } from '../core/percentiles.js';
import { now } from '../core/timing.js';

/** Linux's USER_HZ: /proc reports CPU times in these ticks (100 on every mainstream build). */
const ticksPerSecond = 100;

/** A process to account for; `withChildren` adds its direct children (Postgres backends). */
export interface WatchedProcess {
  readonly pid: number;
  readonly withChildren: boolean;
}

/** CPU use over a window, in percent of one core (200 = both cores of a 2-core machine). */
export interface CpuShare {
  readonly machineBusyPercent: number;
  readonly machineCores: number;
  /** By component; `otherProcesses` is what the machine spent on anything not listed. */
  readonly byComponent: Readonly<Record<string, number>>;
}

interface Snapshot {
  readonly at: number;
  readonly machineBusyTicks: number;
  /** Per component, the CPU ticks of each of its processes. */
  readonly componentTicks: Readonly<Record<string, ReadonlyMap<number, number>>>;
}

/**
 * Watches where the CPU goes while a phase runs (Linux /proc; elsewhere it reports nothing).
 * A process that starts during the window counts whole; one that ends during it (a pool's idle
 * connection closing) loses its last ticks, which then show under `otherProcesses`.
 */
export async function watchCpu(
  components: Readonly<Record<string, WatchedProcess>>,
): Promise<() => Promise<CpuShare | null>> {
  const before = await snapshot(components).catch(() => null);
  return async () => {
    const after = before === null ? null : await snapshot(components).catch(() => null);
    if (before === null || after === null) return null;
    const elapsedTicks = ((after.at - before.at) / 1_000) * ticksPerSecond;
    const percent = (ticks: number): number => round((ticks / elapsedTicks) * 100, 1);
    const byComponent: Record<string, number> = {};
    let listed = 0;
    for (const name of Object.keys(components)) {
      const earlier = before.componentTicks[name] ?? new Map<number, number>();
      let ticks = 0;
      for (const [pid, later] of after.componentTicks[name] ?? []) {
        ticks += Math.max(0, later - (earlier.get(pid) ?? 0));
      }
      listed += ticks;
      byComponent[name] = percent(ticks);
    }
    const machineTicks = after.machineBusyTicks - before.machineBusyTicks;
    byComponent.otherProcesses = percent(Math.max(0, machineTicks - listed));
    return {
      machineBusyPercent: percent(machineTicks),
      machineCores: os.cpus().length,
      byComponent,
    };
  };
}

async function snapshot(components: Readonly<Record<string, WatchedProcess>>): Promise<Snapshot> {
  const needsChildren = Object.values(components).some((component) => component.withChildren);
  const table = needsChildren ? await processTable() : new Map<number, ProcessTimes>();
  const componentTicks: Record<string, Map<number, number>> = {};
  for (const [name, component] of Object.entries(components)) {
    const ticks = new Map<number, number>();
    const own = await processTimes(component.pid);
    if (own) ticks.set(component.pid, own.ticks);
    if (component.withChildren) {
      for (const [pid, times] of table)
        if (times.parent === component.pid) ticks.set(pid, times.ticks);
    }
    componentTicks[name] = ticks;
  }
  return { at: now(), machineBusyTicks: await machineBusyTicks(), componentTicks };
}

interface ProcessTimes {
  readonly parent: number;
  readonly ticks: number;
}

async function processTable(): Promise<Map<number, ProcessTimes>> {
  const table = new Map<number, ProcessTimes>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = await processTimes(Number(entry));
    if (times) table.set(Number(entry), times);
  }
  return table;
}

/** utime + stime and the parent of one process, from /proc/<pid>/stat; undefined if it is gone. */
async function processTimes(pid: number): Promise<ProcessTimes | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // The command name (field 2) may hold spaces and parentheses: fields restart after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** Ticks all cores spent on anything but idle and I/O wait, from /proc/stat. */
async function machineBusyTicks(): Promise<number> {
  const [cpuLine = ''] = (await readFile('/proc/stat', 'utf8')).split('\n');
  const values = cpuLine.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = values;
  return user + nice + system + irq + softirq + steal;
}
