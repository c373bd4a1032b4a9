import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAllocationAudit, replayAllocationAudit } from '../../test-support/ledger-audit.js';
import {
  type ContentionStats,
  type ContentionWorker,
  startContentionWorker,
} from '../../test-support/ledger-contention.js';
import {
  createLedgerFixture,
  type InconsistentDevice,
  type LedgerFixture,
} from '../../test-support/ledger-fixture.js';
import { DeviceUnavailableError } from './index.js';

let fixture: LedgerFixture;
const workers: ContentionWorker[] = [];
beforeAll(async () => {
  fixture = await createLedgerFixture({ poolSize: 20 });
  await installAllocationAudit(fixture.pool);
});
afterAll(async () => {
  workers.forEach((worker) => {
    worker.kill();
  });
  await fixture.close();
});

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the allocation ledger under contention', () => {
  it('never exceeds a limit with 200 concurrent reservations on 10 scarce devices', async () => {
    const scarce = Array.from({ length: 10 }, (_, index) => ({
      deviceId: `scarce-${index}`,
      maxCompositions: index % 2 === 0 ? 1 : 2,
    }));
    const random = seededRandom(11);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, index) => {
        const picked = scarce.filter(() => random() < 0.2);
        return fixture.ledger.reserve({
          reservationId: `burst-${index}`,
          compositionId: `burst-composition-${index}`,
          owner: 'replica-a',
          expiresAt: new Date(Date.now() + 60_000),
          devices: picked.length > 0 ? picked : [scarce[index % scarce.length]!],
        });
      }),
    );

    const refusals = outcomes.filter((outcome) => outcome.status === 'rejected');
    refusals.forEach((outcome) => {
      expect(outcome.reason).toBeInstanceOf(DeviceUnavailableError);
    });
    const granted = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value : [],
    );
    const usage = await fixture.ledger.usage(scarce.map((device) => device.deviceId));
    usage.forEach(({ deviceId, used, maxCompositions }) => {
      expect(used).toBeLessThanOrEqual(maxCompositions ?? 0);
      expect(used).toBe(granted.filter((allocation) => allocation.deviceId === deviceId).length);
    });
    expect(refusals.length).toBeGreaterThan(100);
    expect(refusals.length).toBeLessThan(200);
    expect(await fixture.inconsistentDevices()).toEqual([]);
  });

  it('never exceeds a limit with two processes reserving and releasing for 5 s', async () => {
    const pool = Array.from({ length: 30 }, (_, index) => ({
      deviceId: `pool-${String(index).padStart(2, '0')}`,
      maxCompositions: index % 6 === 0 ? 3 : index % 3 === 0 ? 2 : 1,
    }));
    for (const worker of ['replica-1', 'replica-2']) {
      workers.push(
        startContentionWorker({
          worker,
          databaseUrl: fixture.database.url,
          devices: pool,
          durationMs: 5_000,
          graceMs: 60_000,
        }),
      );
    }

    // Watch from this process while they run: counts and rows must agree at every snapshot.
    const run = { finished: false };
    const allStats = Promise.all(workers.map((worker) => worker.stats)).finally(() => {
      run.finished = true;
    });
    const seenInconsistent: InconsistentDevice[] = [];
    let snapshots = 0;
    while (!run.finished) {
      seenInconsistent.push(...(await fixture.inconsistentDevices()));
      snapshots += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stats: ContentionStats[] = await allStats;

    const audit = await replayAllocationAudit(fixture.pool);
    const total = (key: 'attempts' | 'successes' | 'refusals'): number =>
      stats.reduce((sum, worker) => sum + worker[key], 0);
    console.log(
      `ledger contention: ${stats.map((s) => `${s.worker} ${s.attempts} attempts, ${s.successes} reserved, ${s.refusals} refused, ${s.confirms} confirmed, ${s.releases} released, ${s.expiredReleased} expired`).join('; ')}; ` +
        `${snapshots} live checks, ${audit.entries} audited changes, fullest device at ${audit.fullestShare * 100}% of its limit`,
    );
    expect(stats.flatMap((worker) => worker.failures)).toEqual([]);
    expect(seenInconsistent).toEqual([]);
    expect(audit.violations).toEqual([]);
    expect(await fixture.inconsistentDevices()).toEqual([]);
    expect(snapshots).toBeGreaterThan(10);
    expect(audit.fullestShare).toBe(1);
    stats.forEach((worker) => {
      expect(worker.successes).toBeGreaterThan(20);
    });
    expect(total('refusals')).toBeGreaterThan(20);
    expect(total('successes') + total('refusals')).toBe(total('attempts'));
  }, 120_000);
});
