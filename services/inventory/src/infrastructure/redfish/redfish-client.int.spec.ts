import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapRedfishToSnapshot } from '@tessera/inventory-domain';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlRedfishService } from './redfish-client.js';
import { RedfishCrawlLimitError } from './redfish-errors.js';
import {
  type MockupServer,
  type MockupServerOptions,
  mockupPath,
  startMockupServer,
} from './test-support/mockup-server.js';

const servers: MockupServer[] = [];
const rawServers: Server[] = [];
const scratchDirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all(rawServers.map((server) => new Promise((closed) => server.close(closed))));
  await Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function serve(dir: string, options?: MockupServerOptions): Promise<MockupServer> {
  const server = await startMockupServer(dir, options);
  servers.push(server);
  return server;
}

/** A copy of a mockup that the test may edit. */
async function editableMockup(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redfish-mockup-'));
  scratchDirs.push(dir);
  await cp(mockupPath(name), dir, { recursive: true });
  return dir;
}

async function editJson(
  file: string,
  edit: (body: Record<string, unknown>) => void,
): Promise<void> {
  const body = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(body);
  await writeFile(file, JSON.stringify(body));
}

describe('crawling a Redfish service', () => {
  it('skips a linked resource that answers 404, and the mapping reports the dangling link', async () => {
    const dir = await editableMockup('public-nvmeof-jbof');
    await rm(join(dir, 'Chassis', '1', 'Drives', '2'), { recursive: true });
    const server = await serve(dir);

    const resources = await crawlRedfishService({ baseUrl: server.url, timeoutMs: 5_000 });
    const { snapshot, warnings } = mapRedfishToSnapshot(resources, { sourceId: 'bmc' });

    expect(snapshot.devices.filter((device) => device.kind === 'nvme')).toHaveLength(2);
    expect(warnings).toContain(
      '/redfish/v1/Chassis/1/Drives links to /redfish/v1/Chassis/1/Drives/2, which the service did not return',
    );
  });

  it('reads only what discovery needs and never leaves the service origin', async () => {
    const elsewhere = await serve(mockupPath('public-nvmeof-jbof'));
    const dir = await editableMockup('public-nvmeof-jbof');
    await editJson(join(dir, 'index.json'), (root) => {
      root.Fabrics = { '@odata.id': `${elsewhere.url}/redfish/v1/Fabrics` };
    });
    const server = await serve(dir);

    const resources = await crawlRedfishService({ baseUrl: server.url, timeoutMs: 5_000 });

    expect(elsewhere.requests).toBe(0);
    const paths = [...resources.keys()];
    expect(resources.has('/redfish/v1/Fabrics')).toBe(false);
    expect(
      paths.some((path) => /Managers|AccountService|SessionService|Thermal|Power/.test(path)),
    ).toBe(false);
    expect(paths).toContain('/redfish/v1/Chassis/1/Drives/3');
    expect(paths).toEqual([...paths].sort());
  });

  it('sends Basic credentials when given them', async () => {
    const server = await serve(mockupPath('public-nvmeof-jbof'), {
      requireAuth: { username: 'admin', password: 's3cret' },
    });

    const resources = await crawlRedfishService({
      baseUrl: server.url,
      username: 'admin',
      password: 's3cret',
      timeoutMs: 5_000,
    });

    expect(resources.has('/redfish/v1/Chassis/1')).toBe(true);
  });

  it('stops with REDFISH_CRAWL_LIMIT when the service links more than maxResources', async () => {
    const server = await serve(mockupPath('public-composability'));

    const failure = crawlRedfishService({
      baseUrl: server.url,
      timeoutMs: 5_000,
      maxResources: 10,
    });

    await expect(failure).rejects.toBeInstanceOf(RedfishCrawlLimitError);
    await expect(failure).rejects.toThrow(`${server.url} links more than 10 resources`);
    expect(server.requests).toBeLessThanOrEqual(10);
  });

  it('keeps at most 8 requests in flight', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const members = Array.from({ length: 30 }, (_, index) => ({
      '@odata.id': `/redfish/v1/Chassis/${index}`,
    }));
    const server = createServer((request, response) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const body =
        request.url === '/redfish/v1'
          ? { Chassis: { '@odata.id': '/redfish/v1/Chassis' } }
          : request.url === '/redfish/v1/Chassis'
            ? { Members: members }
            : { ChassisType: 'Sled' };
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      }, 30);
    });
    rawServers.push(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;

    const resources = await crawlRedfishService({
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 5_000,
    });

    expect(resources.size).toBe(32);
    expect(mostInFlight).toBe(8);
  });

  it("ends with the caller's reason when the caller aborts", async () => {
    const server = await serve(mockupPath('public-cxl'), { fault: 'hang' });
    const controller = new AbortController();
    const reason = new Error('discovery cancelled');

    const crawl = crawlRedfishService({
      baseUrl: server.url,
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort(reason);
    }, 50);

    await expect(crawl).rejects.toBe(reason);
  });
});
