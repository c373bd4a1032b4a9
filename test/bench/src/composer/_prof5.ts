import { randomUUID } from 'node:crypto';
import { requestComposition } from '@tessera/composer';
import { createBenchDatabase } from '../infra/bench-database.js';
import { startComposerRuntime } from './composer-runtime.js';
import { benchServer } from './end-to-end.js';
import { labIndex } from './lab-index.js';
import { now, sleep } from '../core/timing.js';
const serverUrl = process.env.PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const db = await createBenchDatabase(serverUrl);
const runtime = await startComposerRuntime(
  db.url,
  labIndex({ seed: 2026, hosts: 10_000, devices: 100_000 }),
);
const asked = new Map<string, number>();
const answered = new Map<string, number>();
const t0 = now();
const all: Promise<void>[] = [];
for (let i = 0; i < 1000; i++) {
  await sleep(t0 + i * 20 - now(), new AbortController().signal);
  all.push(
    (async () => {
      const a = now();
      const o = await requestComposition(
        runtime.deps,
        { spec: benchServer('bench'), idempotencyKey: randomUUID(), requestedBy: 'bench' },
        { correlationId: randomUUID(), actor: 'bench' },
      );
      asked.set(o.compositionId, a);
      answered.set(o.compositionId, now());
    })(),
  );
}
await Promise.all(all);
await sleep(3000, new AbortController().signal);
const rows = [...asked.entries()].map(([id, a]) => ({
  at: a - t0,
  req: answered.get(id)! - a,
  ready: (runtime.readyAt.get(id) ?? NaN) - a,
}));
rows.sort((x, y) => y.ready - x.ready);
console.log(
  'slowest',
  rows
    .slice(0, 15)
    .map((r) => `${r.at.toFixed(0)}:${r.req.toFixed(0)}/${r.ready.toFixed(0)}`)
    .join(' '),
);
const reqs = rows.map((r) => r.req).sort((a, b) => a - b);
console.log('request-call p50', reqs[500]?.toFixed(1), 'p99', reqs[990]?.toFixed(1));
await runtime.close();
await db.drop();
