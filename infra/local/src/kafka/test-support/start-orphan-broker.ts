/**
 * Plays a test run that is killed while its broker runs: starts a broker with the records folder
 * given as the only argument, prints one JSON line `{ ownerPid, pid, dataDir }`, then waits to be
 * killed. Run with `node --import tsx --conditions=@tessera/source`.
 */
import { startKafka } from '../index.js';

const recordsDir = process.argv[2];
if (recordsDir === undefined) throw new Error('usage: start-orphan-broker.ts <records folder>');
const kafka = await startKafka({ recordsDir });
process.stdout.write(
  `${JSON.stringify({ ownerPid: process.pid, pid: kafka.pid, dataDir: kafka.dataDir })}\n`,
);
setInterval(() => undefined, 60_000);
