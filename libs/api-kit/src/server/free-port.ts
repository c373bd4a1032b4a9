import { createServer } from 'node:net';

/**
 * A port that is free on `host` now. The gRPC transport cannot report the port it bound for
 * port 0, so the service asks the kernel for one first; another process could take it in the
 * instant between, which only matters to tests, and fails loudly there (EADDRINUSE).
 */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error(`no TCP port was bound on ${host}`));
      });
    });
  });
}
