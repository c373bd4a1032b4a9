// Adds up vitest's per-project "Tests  N passed | M failed" lines from a test log and prints
// the closing line CI reads: "N passed, M failed[, K skipped]". Exits 1 when no test ran.
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2] ?? 0, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const totals = { passed: 0, failed: 0, skipped: 0 };
let projects = 0;
for (const line of log.split('\n')) {
  const match = /^\S*:?\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line.trim());
  if (!match) continue;
  projects += 1;
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    totals[kind === 'todo' ? 'skipped' : kind] += Number(count);
  }
}
if (projects === 0) {
  console.log('0 passed, 0 failed');
  console.error('no vitest summary found in the log: no test ran');
  process.exit(1);
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
