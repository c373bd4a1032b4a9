import 'reflect-metadata';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningStandalone, startStandalone } from './standalone.js';
import { loadStandaloneConfig, type StandaloneConfig } from './standalone-config.js';
import { removeFolder, temporaryFolder } from './test-support/data-folder.js';
import {
  composerCalls,
  inventoryCalls,
  previewSummary,
  trainingBox,
} from './test-support/service-calls.js';

/** The default demo lab: 24 hosts at 10 devices per host. */
const labDevices = 240;
/** The composer hears of the lab through the Postgres log moments after the import. */
const eventually = { timeout: 60_000, interval: 200 };

let folder: string;
let config: StandaloneConfig;
const running: RunningStandalone[] = [];

beforeEach(async () => {
  folder = await temporaryFolder('standalone');
  // The path users take: no DATABASE_URL (the embedded Postgres), no Kafka.
  config = loadStandaloneConfig({
    TESSERA_DATA_DIR: path.join(folder, 'data'),
    TESSERA_HTTP_PORT: '0',
    TESSERA_GRPC_PORT: '0',
  });
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((standalone) => standalone.close()));
  await removeFolder(folder, config.dataDir);
});

async function start(): Promise<RunningStandalone> {
  const standalone = await startStandalone(config, { logLevels: ['error'] });
  running.push(standalone);
  return standalone;
}

async function stop(standalone: RunningStandalone): Promise<void> {
  running.splice(running.indexOf(standalone), 1);
  await standalone.close();
}

/** What a user sees of a running standalone process: its API, its lab and its scheduler. */
async function observe(standalone: RunningStandalone) {
  const health = await fetch(`${standalone.httpUrl}/healthz`);
  const inventory = inventoryCalls(standalone.inventoryUrl);
  const composer = composerCalls(standalone.composerUrl);
  try {
    await expect.poll(() => inventory.deviceCount(), eventually).toBe(labDevices);
    await expect
      .poll(() => previewSummary(composer, trainingBox()), eventually)
      .toBe('gpus:2 scratch:4');
  } finally {
    inventory.close();
    composer.close();
  }
  return { health: health.status };
}

describe('the standalone process', () => {
  it('runs the control plane on the embedded Postgres with the demo lab, and keeps it across a restart', async () => {
    const first = await start();
    expect(first.database).toBe(`embedded Postgres in ${path.join(config.dataDir, 'postgres')}`);
    expect(first.demoLab).toMatchObject({ kind: 'imported' });
    expect(first.adminTokenIsNew).toBe(true);
    expect(first.adminToken).toMatch(/^tsr_[0-9a-f]{40}$/);
    const tokenFile = path.join(config.dataDir, 'admin-token');
    expect((await readFile(tokenFile, 'utf8')).trim()).toBe(first.adminToken);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect(await observe(first)).toEqual({ health: 200 });
    const withToken = await fetch(`${first.httpUrl}/v1/tokens`, {
      headers: { authorization: `Bearer ${first.adminToken}` },
    });
    expect(withToken.status).toBe(200);
    expect((await fetch(`${first.httpUrl}/v1/tokens`)).status).toBe(401);
    await stop(first);

    const second = await start();
    expect(second.demoLab).toEqual({ kind: 'kept' });
    expect(second.adminToken).toBe(first.adminToken);
    expect(second.adminTokenIsNew).toBe(false);
    expect(await observe(second)).toEqual({ health: 200 });
  }, 180_000);

  it('uses the configured admin token and saves none', async () => {
    config = { ...config, adminToken: 'a-token-of-my-own-choosing' };
    const standalone = await start();
    expect(standalone.adminToken).toBe('a-token-of-my-own-choosing');
    expect(standalone.adminTokenIsNew).toBe(false);
    await expect(stat(path.join(config.dataDir, 'admin-token'))).rejects.toThrow(/ENOENT/);
    const response = await fetch(`${standalone.httpUrl}/v1/tokens`, {
      headers: { authorization: 'Bearer a-token-of-my-own-choosing' },
    });
    expect(response.status).toBe(200);
  }, 180_000);

  it('refuses a second process on the same data folder, leaving the first one running', async () => {
    const first = await start();
    await expect(start()).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
    expect((await fetch(`${first.httpUrl}/healthz`)).status).toBe(200);
  }, 180_000);
});
