import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningStandalone, startStandalone } from '@tessera/standalone';
import { createTestDatabase } from '@tessera/testing';
import { type ApiClient, apiClient, tokenIssuer } from './api-client.js';

export interface ControlPlane {
  /** `http://127.0.0.1:<port>`: the REST API under `/v1`. */
  readonly baseUrl: string;
  /** The bootstrap admin token: admin of every tenant. */
  readonly adminToken: string;
  /** Calls as the bootstrap admin. */
  readonly admin: ApiClient;
  readonly standalone: RunningStandalone;
  /** A client holding a new API token with these grants (`operator:finance`, `viewer:*`). */
  clientWith(...grants: string[]): Promise<ApiClient>;
  close(): Promise<void>;
}

/**
 * The whole control plane as `npm start` runs it (inventory, composer, simulated fleet, demo
 * lab, gateway), on a fresh test database instead of the embedded Postgres, the gateway on a
 * free loopback port.
 */
export async function startControlPlane(prefix: string): Promise<ControlPlane> {
  const database = await createTestDatabase({ prefix: prefix.replaceAll('-', '_').slice(0, 20) });
  const dataDir = await mkdtemp(path.join(tmpdir(), `tessera-${prefix}-`));
  const adminToken = `test-admin-${prefix}-0123456789`;
  const standalone = await startStandalone(
    {
      dataDir,
      httpHost: '127.0.0.1',
      httpPort: 0,
      grpcPort: 0,
      adminToken,
      databaseUrl: database.url,
      kafkaBrokers: undefined,
      lab: { seed: 7, hosts: 24 },
    },
    { logLevels: ['error'] },
  );
  const admin = apiClient(standalone.httpUrl, adminToken);
  return {
    baseUrl: standalone.httpUrl,
    adminToken,
    admin,
    standalone,
    clientWith: tokenIssuer(standalone.httpUrl, admin, prefix),
    close: async () => {
      await standalone.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
