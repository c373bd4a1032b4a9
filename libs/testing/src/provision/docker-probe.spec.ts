import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeDockerEngine } from './docker-probe.js';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
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

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('probeDockerEngine', () => {
  it('gives up on an engine that accepts connections but never answers', async () => {
    const port = await listen(net.createServer((socket) => sockets.push(socket)));

    const probe = await probeDockerEngine(`tcp://127.0.0.1:${port}`, 300);

    expect(probe).toEqual({
      state: 'absent',
      endpoint: `tcp://127.0.0.1:${port}`,
      reason: 'no answer to /_ping within 300 ms',
    });
  });

  it('accepts an engine that answers OK to /_ping', async () => {
    const port = await listen(
      http.createServer((request, response) => {
        response.statusCode = request.url === '/_ping' ? 200 : 404;
        response.end(request.url === '/_ping' ? 'OK' : 'no');
      }),
    );

    expect(await probeDockerEngine(`tcp://127.0.0.1:${port}`)).toEqual({
      state: 'answered',
      endpoint: `tcp://127.0.0.1:${port}`,
    });
  });

  it('reports a socket that does not exist, and schemes it cannot probe', async () => {
    const missing = path.join(os.tmpdir(), 'tessera-no-such-docker.sock');
    const noSocket = await probeDockerEngine(`unix://${missing}`);
    expect(noSocket.state).toBe('absent');
    expect(noSocket.state === 'absent' && noSocket.reason).toMatch(/ENOENT/);
    const ssh = await probeDockerEngine('ssh://me@host');
    expect(ssh.state === 'absent' && ssh.reason).toMatch(/unsupported DOCKER_HOST scheme/);
  });
});
