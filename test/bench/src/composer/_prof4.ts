import { createBenchDatabase } from '../infra/bench-database.js';
import { startComposerRuntime } from './composer-runtime.js';
import { runBurst, runPaced } from './end-to-end.js';
import { labIndex } from './lab-index.js';
const serverUrl = process.env.PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const db = await createBenchDatabase(serverUrl);
const runtime = await startComposerRuntime(
  db.url,
  labIndex({ seed: 2026, hosts: 10_000, devices: 100_000 }),
);
const signal = new AbortController().signal;
const t0 = process.cpuUsage();
const r = process.env.PACED
  ? await runPaced(runtime, 50, 20_000, 30_000, signal)
  : await runBurst(runtime, Number(process.env.LANES ?? 16), 15_000, 30_000, signal);
const cpu = process.cpuUsage(t0);
console.log(JSON.stringify(r), 'node cpu s', (cpu.user + cpu.system) / 1e6);
await runtime.close();
if (!process.env.KEEP) await db.drop();
else console.log(db.url);
