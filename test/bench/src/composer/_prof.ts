import { runDecisions, decisionMix } from './decisions.js';
import { labIndex } from './lab-index.js';
const index = labIndex({ seed: 2026, hosts: 10_000, devices: 100_000 });
if (process.env.WARM) {
  const t = performance.now();
  let c = 0,
    n = 0;
  for (const h of index.hosts())
    for (const k of ['gpu', 'nvme', 'nic', 'fpga', 'dpu'] as const) {
      c += index.reachable(h.id, k).length;
      n++;
    }
  console.log('warm', performance.now() - t, 'ms', c / n, 'avg per host-kind');
}
const n = Number(process.env.N ?? 3000);
const r = runDecisions(index, decisionMix(), 200, n);
console.log(JSON.stringify(r), process.memoryUsage().heapUsed / 1e6);
