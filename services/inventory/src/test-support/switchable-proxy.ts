import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SwitchableProxy {
  /** Stays the same whatever the proxy forwards to. */
  readonly url: string;
  /** Forward to this origin from now on; undefined drops every connection (a dead service). */
  forwardTo(origin: string | undefined): void;
  close(): Promise<void>;
}

/** An HTTP proxy on 127.0.0.1 whose backend a test switches: one URL for a changing service. */
export async function startSwitchableProxy(): Promise<SwitchableProxy> {
  let target: string | undefined;
  const server: Server = createServer((incoming, outgoing) => {
    if (target === undefined) {
      incoming.socket.destroy();
      return;
    }
    const upstream = httpRequest(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo: (origin) => {
      target = origin;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
