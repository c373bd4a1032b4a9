import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How a mockup server misbehaves:
 * - `refuse-after-root`: answers the service root, then stops listening (connections refused);
 * - `hang`: accepts every request and never answers;
 * - `malformed-json`: answers 200 with a body that is not JSON;
 * - `unauthorized`: answers 401 to everything.
 */
export type MockupFault = 'refuse-after-root' | 'hang' | 'malformed-json' | 'unauthorized';

export interface MockupServerOptions {
  readonly fault?: MockupFault;
  /** Basic credentials every request must carry (401 otherwise). */
  readonly requireAuth?: { readonly username: string; readonly password: string };
}

export interface MockupServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

const rootPath = '/redfish/v1';

/** `test/fixtures/redfish-mockups/<name>`, found from the workspace root (the folder with nx.json). */
export function mockupPath(name: string): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'nx.json'))) {
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error('no nx.json above the mockup server: not in the workspace');
    directory = parent;
  }
  return join(directory, 'test', 'fixtures', 'redfish-mockups', name);
}

/** The mockup file for a request path (short-form layout), or undefined when outside the tree. */
function fileFor(mockupDir: string, requestUrl: string): string | undefined {
  const path = new URL(requestUrl, 'http://mockup').pathname.replace(/\/+$/, '');
  if (path !== rootPath && !path.startsWith(`${rootPath}/`)) return undefined;
  const relative = decodeURIComponent(path.slice(rootPath.length));
  const file = resolve(mockupDir, `.${relative}`, 'index.json');
  return file.startsWith(resolve(mockupDir) + sep) ? file : undefined;
}

function isAuthorized(request: IncomingMessage, options: MockupServerOptions): boolean {
  if (options.requireAuth === undefined) return true;
  const { username, password } = options.requireAuth;
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return request.headers.authorization === expected;
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'OData-Version': '4.0',
    ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="mockup"' } : {}),
  });
  response.end(body);
}

/**
 * Serves a DMTF mockup folder over HTTP on 127.0.0.1 and a free port: GET `/redfish/v1/A/B`
 * answers `<dir>/A/B/index.json` (a trailing slash is ignored), anything else 404.
 */
export async function startMockupServer(
  mockupDir: string,
  options: MockupServerOptions = {},
): Promise<MockupServer> {
  let requests = 0;
  let refusing = false;
  const server = createServer((request, response) => {
    requests += 1;
    if (refusing) {
      request.socket.destroy();
      return;
    }
    answer(request, response).catch(() => {
      send(response, 400, '{"error":"bad request"}');
    });
  });

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    if (options.fault === 'hang') return;
    if (options.fault === 'unauthorized' || !isAuthorized(request, options)) {
      send(response, 401, '{"error":"unauthorized"}');
      return;
    }
    const file = request.method === 'GET' ? fileFor(mockupDir, request.url ?? '/') : undefined;
    const body =
      file === undefined ? undefined : await readFile(file, 'utf8').catch(() => undefined);
    if (body === undefined) {
      send(response, 404, '{"error":"not found"}');
      return;
    }
    if (options.fault === 'malformed-json') {
      send(response, 200, body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    send(response, 200, body);
    if (options.fault === 'refuse-after-root' && file === join(mockupDir, 'index.json')) {
      refusing = true;
      response.on('finish', () => {
        server.close();
        server.closeAllConnections();
      });
    }
  };

  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        if (!server.listening) {
          closed();
          return;
        }
        server.close(() => {
          closed();
        });
      }),
  };
}
