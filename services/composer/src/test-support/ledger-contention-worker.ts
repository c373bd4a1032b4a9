/**
 * One contending composer replica for the ledger's two-process test (run by tsx with
 * `--conditions=@tessera/source`). For LEDGER_DURATION_MS it runs a few concurrent loops that
 * reserve random sets of devices from LEDGER_DEVICES, confirm some, release some, abandon the rest
 * to expiry and sweep expired reservations; then it prints one `LEDGER_STATS {…}` line and exits.
 */
import { createPool } from '@tessera/postgres';
import {
  AllocationLedger,
  DeviceUnavailableError,
  ReservationNotFoundError,
} from '../infrastructure/ledger/index.js';
import { requiredWorkerSetting } from './ledger-contention-env.js';
import { type ContentionStats, statsPrefix } from './ledger-contention.js';
import { ledgerSchema } from './ledger-fixture.js';

const required = requiredWorkerSetting;

const worker = required('LEDGER_WORKER');
const devices = JSON.parse(required('LEDGER_DEVICES')) as {
  deviceId: string;
  maxCompositions: number;
}[];
const deadline = Date.now() + Number(required('LEDGER_DURATION_MS'));
const loops = 4;

const pool = createPool({ connectionString: required('DATABASE_URL'), max: loops + 1 });
const ledger = new AllocationLedger({ pool, schema: ledgerSchema });
const stats: ContentionStats = {
  worker,
  attempts: 0,
  successes: 0,
  refusals: 0,
  confirms: 0,
  expiredBeforeConfirm: 0,
  releases: 0,
  expiredReleased: 0,
  failures: [],
};
let sequence = 0;

const randomInt = (below: number): number => Math.floor(Math.random() * below);

function randomPick(): typeof devices {
  const count = 1 + randomInt(4);
  const shuffled = [...devices].sort(() => Math.random() - 0.5);
  return shuffled.slice(0, count);
}

/** Reserves a random set of devices; returns the reservation id, or undefined when refused. */
async function tryReserve(): Promise<string | undefined> {
  sequence += 1;
  const reservationId = `${worker}-${sequence}`;
  stats.attempts += 1;
  try {
    await ledger.reserve({
      reservationId,
      compositionId: `composition-${reservationId}`,
      owner: worker,
      expiresAt: new Date(Date.now() + 50 + randomInt(400)),
      devices: randomPick(),
    });
    stats.successes += 1;
    return reservationId;
  } catch (error) {
    if (!(error instanceof DeviceUnavailableError)) throw error;
    stats.refusals += 1;
    return undefined;
  }
}

async function tryConfirm(reservationId: string): Promise<void> {
  try {
    await ledger.confirm(reservationId);
    stats.confirms += 1;
  } catch (error) {
    // A sweep (of either process) may release a short reservation before it is confirmed.
    if (!(error instanceof ReservationNotFoundError)) throw error;
    stats.expiredBeforeConfirm += 1;
  }
}

async function step(held: string[]): Promise<void> {
  const reservationId = await tryReserve();
  const choice = Math.random();
  if (reservationId !== undefined && choice < 0.75) {
    held.push(reservationId);
    if (choice < 0.4) await tryConfirm(reservationId);
  }
  // The remaining quarter is abandoned, as by a crashed caller: only the sweep frees it.
  if (held.length > 0 && Math.random() < 0.45) {
    const [released] = held.splice(randomInt(held.length), 1);
    await ledger.release({ reservationId: released! });
    stats.releases += 1;
  }
}

async function loop(): Promise<void> {
  const held: string[] = [];
  for (let steps = 1; Date.now() < deadline; steps += 1) {
    try {
      await step(held);
      if (steps % 10 === 0) {
        stats.expiredReleased += (await ledger.releaseExpired(new Date())).length;
      }
    } catch (error) {
      stats.failures.push(error instanceof Error ? error.message : String(error));
    }
  }
}

await Promise.all(Array.from({ length: loops }, () => loop()));
await pool.end();
console.log(`${statsPrefix}${JSON.stringify(stats)}`);
