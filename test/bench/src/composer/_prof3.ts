import { labIndex } from './lab-index.js';
const index = labIndex({ seed: 2026, hosts: 10_000, devices: 100_000 });
for (const k of ['gpu', 'nvme', 'nic', 'fpga', 'dpu'] as const) {
  let c = 0,
    n = 0,
    mx = 0;
  const t = performance.now();
  for (const h of index.hosts().slice(0, 2000)) {
    const l = index.reachable(h.id, k).length;
    c += l;
    n++;
    mx = Math.max(mx, l);
  }
  console.log(
    k,
    'avg',
    (c / n).toFixed(1),
    'max',
    mx,
    'build ms per list',
    ((performance.now() - t) / n).toFixed(3),
  );
}
