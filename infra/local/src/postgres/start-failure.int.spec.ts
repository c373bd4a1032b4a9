import { lstat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresExitedDuringStartError, startPostgres } from './index.js';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        }),
    ),
  );
});

/** A port held by a listener that drops every connection (the readiness probe will knock). */
async function occupyPort(): Promise<number> {
  const server = net.createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('a server that dies during start-up', () => {
  it('reports a taken port as a typed error carrying its log, and leaves no folder behind', async () => {
    const port = await occupyPort();

    const error = await startPostgres({ port }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PostgresExitedDuringStartError);
    const exited = error as PostgresExitedDuringStartError;
    expect(exited.code).toBe('POSTGRES_EXITED_DURING_START');
    expect(exited.portWasTaken).toBe(true);
    expect(exited.log).toMatch(
      /could not bind IPv4 address "127\.0\.0\.1": Address already in use/,
    );
    expect(exited.message).toContain('Address already in use');
    await expect(lstat(path.dirname(exited.dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a bad setting as a typed error naming the setting', async () => {
    const error = await startPostgres({ settings: { shared_buffers: 'plenty' } }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(PostgresExitedDuringStartError);
    const exited = error as PostgresExitedDuringStartError;
    expect(exited.portWasTaken).toBe(false);
    expect(exited.log).toMatch(/invalid value for parameter "shared_buffers"/);
  });
});
