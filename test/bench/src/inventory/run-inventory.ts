import { randomUUID } from 'node:crypto';
import {
  createInventoryPersistence,
  type InventoryPersistence,
  InventoryQueries,
  reconcileSnapshot,
} from '@tessera/inventory';
import { generateLab, type InventorySnapshot, parseManifest } from '@tessera/inventory-domain';
import { createPool } from '@tessera/postgres';
import type pg from 'pg';
import type { BenchmarkContext } from '../benchmark.js';
import { round, summarize, type LatencySummary } from '../core/percentiles.js';
import { SeededRandom } from '../core/seeded-random.js';
import { now, throwIfAborted } from '../core/timing.js';
import { createBenchDatabase } from '../infra/bench-database.js';
import { providePostgres } from '../infra/provide-infra.js';
import { listFilterTemplates } from './list-filters.js';
import { inventoryPlan as plan } from './plan.js';
import { waitForReadModels } from './read-model-catch-up.js';

/** Provides Postgres, imports a generated lab, then times filtered lists and reachability. */
export async function runInventoryBenchmark(bench: BenchmarkContext): Promise<object> {
  const { progress, signal } = bench;
  const startedAt = new Date();
  const postgres = await providePostgres(bench.config, progress);
  const database = await createBenchDatabase(postgres.value.serverUrl);
  const pool = createPool({
    connectionString: database.url,
    max: 12,
    applicationName: 'bench-inventory',
  });
  try {
    progress.step(`lab: generating ${plan.lab.hosts} hosts and ${plan.lab.devices} devices`);
    const generated = timed(() => generateLab(plan.lab));
    const parsed = timed(() => parseManifest(generated.value));
    if (!parsed.value.ok)
      throw new Error(
        `the generated lab does not validate: ${JSON.stringify(parsed.value.problems.slice(0, 5))}`,
      );
    const snapshot = parsed.value.snapshot;
    const persistence = createInventoryPersistence({ pool });
    await persistence.migrate();
    throwIfAborted(signal);

    progress.step('import: reconciling the lab into the event store');
    const importStarted = now();
    const result = await reconcileSnapshot(
      persistence,
      { source: { kind: 'manifest', id: 'bench-lab' }, snapshot },
      { correlationId: randomUUID(), actor: 'user:bench' },
    );
    const appendSeconds = (now() - importStarted) / 1_000;
    const events = await eventCount(pool);
    progress.step(`import: ${events} events appended in ${round(appendSeconds, 1)} s; projecting`);
    const live = await Promise.all(
      persistence.projections.map((projection) =>
        persistence.store.runProjection(projection, { batchSize: 2_000, idlePollMs: 50 }),
      ),
    );
    await waitForReadModels(pool, events, plan.catchUpTimeoutMs, signal);
    const importSeconds = (now() - importStarted) / 1_000;
    await Promise.all(live.map((subscription) => subscription.stop()));
    // What autovacuum does within a minute of a bulk import: fresh statistics for the planner.
    await pool.query(
      'ANALYZE inventory_views.items, inventory_views.devices, inventory_views.reach_groups, inventory_views.group_routes',
    );
    throwIfAborted(signal);

    progress.step(
      `queries: ${plan.listQueries} filtered lists, ${plan.reachabilityQueries} reachability each way`,
    );
    const queries = new InventoryQueries(persistence.readModel);
    const lists = await timeListQueries(queries, snapshot);
    const reachability = await timeReachability(queries, snapshot, persistence);
    const routes = await routeFacts(pool);
    const listP99 = lists.latency.p99 ?? Number.POSITIVE_INFINITY;
    const reachP99 = Math.max(
      reachability.fromHost.p99 ?? Infinity,
      reachability.toDevice.p99 ?? Infinity,
    );
    const targets = {
      importSeconds: {
        value: round(importSeconds, 1),
        target: `<= ${plan.targets.importSeconds}`,
        met: importSeconds <= plan.targets.importSeconds,
      },
      filteredListP99Ms: {
        value: listP99,
        target: `<= ${plan.targets.listP99Ms}`,
        met: listP99 <= plan.targets.listP99Ms,
      },
      reachabilityP99Ms: {
        value: reachP99,
        target: `<= ${plan.targets.reachabilityP99Ms}`,
        met: reachP99 <= plan.targets.reachabilityP99Ms,
      },
    };
    return {
      benchmark: 'inventory',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      targets,
      allTargetsMet: Object.values(targets).every((target) => target.met),
      lab: {
        ...plan.lab,
        items: countsOf(snapshot),
        generateSeconds: round(generated.seconds, 2),
        validateSeconds: round(parsed.seconds, 2),
      },
      import: {
        result: { ...result, refused: result.refused.length },
        events,
        appendSeconds: round(appendSeconds, 1),
        untilQueryableSeconds: round(importSeconds, 1),
        eventsPerSecond: Math.round(events / appendSeconds),
        routes,
      },
      filteredLists: lists,
      reachability,
      context: { node: process.version, postgres: postgres.value.source },
    };
  } finally {
    await pool.end();
    await database.drop().catch(() => undefined);
    await postgres.stop();
  }
}

function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = now();
  const value = work();
  return { value, seconds: (now() - started) / 1_000 };
}

function countsOf(snapshot: InventorySnapshot): Record<string, number> {
  return Object.fromEntries(
    Object.entries(snapshot).map(([section, items]) => [section, (items as unknown[]).length]),
  );
}

async function eventCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    'SELECT count(*) AS count FROM inventory.events',
  );
  return Number(rows[0]?.count);
}

async function timeListQueries(
  queries: InventoryQueries,
  snapshot: InventorySnapshot,
): Promise<{
  queries: number;
  latency: LatencySummary;
  meanRows: number;
  byFilter: Record<string, LatencySummary>;
}> {
  const random = new SeededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[random.int(0, items.length - 1)] as T;
  const templates = listFilterTemplates(
    pick,
    snapshot.hosts.map((host) => host.id),
    snapshot.fabrics.map((fabric) => fabric.id),
  );
  const samples: number[] = [];
  const byFilter = new Map<string, number[]>();
  let rows = 0;
  for (let index = 0; index < plan.listQueries; index += 1) {
    const template = pick(templates);
    const filter = template.filter();
    const started = now();
    const page = await queries.listDevices(filter, { limit: plan.listPageSize });
    const elapsed = now() - started;
    samples.push(elapsed);
    byFilter.set(template.name, [...(byFilter.get(template.name) ?? []), elapsed]);
    rows += page.items.length;
  }
  return {
    queries: samples.length,
    latency: summarize(samples),
    meanRows: round(rows / samples.length, 1),
    byFilter: Object.fromEntries([...byFilter].map(([name, times]) => [name, summarize(times)])),
  };
}

async function timeReachability(
  queries: InventoryQueries,
  snapshot: InventorySnapshot,
  _persistence: InventoryPersistence,
): Promise<{
  fromHost: LatencySummary;
  toDevice: LatencySummary;
  meanDevicesPerHost: number;
  meanHostsPerDevice: number;
}> {
  const random = new SeededRandom(11);
  const fromHost: number[] = [];
  const toDevice: number[] = [];
  let devices = 0;
  let hosts = 0;
  for (let index = 0; index < plan.reachabilityQueries; index += 1) {
    const host = snapshot.hosts[random.int(0, snapshot.hosts.length - 1)];
    const device = snapshot.devices[random.int(0, snapshot.devices.length - 1)];
    if (!host || !device) break;
    let started = now();
    devices += (await queries.devicesReachableFrom(host.id)).length;
    fromHost.push(now() - started);
    started = now();
    hosts += (await queries.hostsReaching(device.id)).length;
    toDevice.push(now() - started);
  }
  return {
    fromHost: summarize(fromHost),
    toDevice: summarize(toDevice),
    meanDevicesPerHost: round(devices / Math.max(1, fromHost.length), 1),
    meanHostsPerDevice: round(hosts / Math.max(1, toDevice.length), 1),
  };
}

async function routeFacts(pool: pg.Pool): Promise<{ rows: number; perHost: number }> {
  const { rows } = await pool.query<{ routes: string; hosts: string }>(
    'SELECT count(*) AS routes, count(DISTINCT host_id) AS hosts FROM inventory_views.routes',
  );
  const routes = Number(rows[0]?.routes);
  return { rows: routes, perHost: round(routes / Math.max(1, Number(rows[0]?.hosts)), 1) };
}
