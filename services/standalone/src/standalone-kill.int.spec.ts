import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeFolder, temporaryFolder } from './test-support/data-folder.js';
import {
  composerCalls,
  inventoryCalls,
  previewSummary,
  trainingBox,
} from './test-support/service-calls.js';
import {
  assertFreshBuild,
  type StandaloneChild,
  startStandaloneChild,
} from './test-support/standalone-child.js';

const labDevices = 240;
const readyTimeoutMs = 120_000;
const eventually = { timeout: 60_000, interval: 200 };

let folder: string;
let dataDir: string;
const children: StandaloneChild[] = [];

beforeAll(assertFreshBuild);

beforeEach(async () => {
  folder = await temporaryFolder('standalone-kill');
  dataDir = path.join(folder, 'data');
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.signal('SIGKILL');
    await child.exited;
  }
  await removeFolder(folder, dataDir);
});

function start(): StandaloneChild {
  const child = startStandaloneChild(
    { TESSERA_DATA_DIR: dataDir, TESSERA_HTTP_PORT: '0', TESSERA_GRPC_PORT: '0' },
    readyTimeoutMs,
  );
  children.push(child);
  return child;
}

async function postmasterPid(): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(
    () => undefined,
  );
  return text === undefined ? undefined : Number(text.split('\n')[0]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the standalone process killed with SIGKILL', () => {
  it('comes up again on the same data folder with its lab and admin token', async () => {
    const first = start();
    const ready = await first.ready();
    expect(ready.text).toMatch(/Demo lab\s+imported \(24 hosts, seed 7/);
    const token = (await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim();
    expect(ready.text).toContain(`Admin token   ${token}`);
    const inventory = inventoryCalls(ready.inventoryUrl);
    await expect.poll(() => inventory.deviceCount(), eventually).toBe(labDevices);
    inventory.close();

    // A second process on the same folder is refused: it would stop the first one's Postgres.
    const intruder = start();
    await expect(intruder.exited).resolves.toBe(1);
    expect(intruder.output()).toContain('another Tessera standalone process');
    expect((await fetch(`${ready.httpUrl}/healthz`)).status).toBe(200);

    first.signal('SIGKILL');
    await first.exited;
    const orphan = await postmasterPid();
    expect(orphan !== undefined && isRunning(orphan)).toBe(true);

    const second = start();
    const again = await second.ready();
    expect(again.text).toMatch(/Demo lab\s+not imported: the inventory already has items/);
    expect(again.text).toContain(`Admin token   saved in ${path.join(dataDir, 'admin-token')}`);
    expect(again.text).not.toContain(token.slice(4));
    expect((await fetch(`${again.httpUrl}/healthz`)).status).toBe(200);
    const inventoryAgain = inventoryCalls(again.inventoryUrl);
    const composer = composerCalls(again.composerUrl);
    try {
      await expect.poll(() => inventoryAgain.deviceCount(), eventually).toBe(labDevices);
      await expect
        .poll(() => previewSummary(composer, trainingBox()), eventually)
        .toBe('gpus:2 scratch:4');
    } finally {
      inventoryAgain.close();
      composer.close();
    }

    // SIGTERM stops everything in order, the embedded Postgres last.
    second.signal('SIGTERM');
    await expect(second.exited).resolves.toBe(0);
    expect(second.output()).toMatch(/SIGTERM: stopping[\s\S]*stopped/);
    expect(await postmasterPid()).toBeUndefined();
  }, 240_000);
});
