import { scheduler } from '@tessera/composer-domain';
import { schedulingRequestOf } from '@tessera/composer';
import { decisionMix } from './decisions.js';
import { labIndex } from './lab-index.js';
const index = labIndex({ seed: 2026, hosts: 10_000, devices: 100_000 });
const specs = decisionMix();
const reqs = specs.map(schedulingRequestOf);
const times: number[][] = specs.map(() => []);
const examined: number[][] = specs.map(() => []);
for (let at = 0; at < 3200; at++) {
  const i = at % reqs.length;
  const before = (index as any).searchOffset;
  const t = performance.now();
  scheduler.schedule(reqs[i]!, index, scheduler.defaultSchedulerConfig);
  const d = performance.now() - t;
  if (at >= 200) {
    times[i]!.push(d);
    examined[i]!.push((index as any).searchOffset - before);
  }
}
for (const [i, s] of specs.entries()) {
  const a = times[i]!.sort((x, y) => x - y);
  const e = examined[i]!;
  console.log(
    s.name,
    'mean',
    (a.reduce((x, y) => x + y, 0) / a.length).toFixed(2),
    'p50',
    a[Math.floor(a.length * 0.5)]!.toFixed(2),
    'p99',
    a[Math.floor(a.length * 0.99)]!.toFixed(2),
    'examined',
    (e.reduce((x, y) => x + y, 0) / e.length).toFixed(1),
  );
}
