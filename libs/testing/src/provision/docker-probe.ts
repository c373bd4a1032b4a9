import http from 'node:http';

/** What probing the Docker engine found. A closed union: callers switch over `state`. */
export type DockerProbe =
  | { readonly state: 'answered'; readonly endpoint: string }
  | { readonly state: 'absent'; readonly endpoint: string; readonly reason: string };

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
export const DOCKER_PING_TIMEOUT_MS = 1_500;

/**
 * Asks the Docker engine at `dockerHost` (a `DOCKER_HOST` value; the local socket when undefined)
 * for `/_ping` and waits at most `timeoutMs` for `OK`. This runs before testcontainers is touched:
 * testcontainers waits forever on an engine that accepts connections and never answers.
 * Only `unix://` and plain `tcp://` engines are probed; others count as absent.
 */
export function probeDockerEngine(
  dockerHost: string | undefined,
  timeoutMs: number = DOCKER_PING_TIMEOUT_MS,
): Promise<DockerProbe> {
  const endpoint = dockerHost ?? `unix://${DEFAULT_DOCKER_SOCKET}`;
  const target = requestTarget(endpoint);
  if (typeof target === 'string')
    return Promise.resolve({ state: 'absent', endpoint, reason: target });
  return new Promise((resolve) => {
    const absent = (reason: string): void => {
      resolve({ state: 'absent', endpoint, reason });
    };
    const request = http.get({ ...target, path: '/_ping', timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        if (response.statusCode === 200 && body.trim() === 'OK')
          resolve({ state: 'answered', endpoint });
        else absent(`/_ping answered ${String(response.statusCode)} ${body.trim().slice(0, 100)}`);
      });
      response.on('error', (error) => {
        absent(error.message);
      });
    });
    // `timeout` only reports inactivity; a hard deadline covers the whole exchange.
    const deadline = setTimeout(() => {
      request.destroy(new Error(`no answer to /_ping within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('timeout', () =>
      request.destroy(new Error(`no answer to /_ping within ${timeoutMs} ms`)),
    );
    request.on('error', (error) => {
      absent(error.message);
    });
    request.on('close', () => {
      clearTimeout(deadline);
    });
  });
}

/** Connection options for an endpoint, or why it cannot be probed. */
function requestTarget(endpoint: string): http.RequestOptions | string {
  if (endpoint.startsWith('unix://')) return { socketPath: endpoint.slice('unix://'.length) };
  if (endpoint.startsWith('tcp://')) {
    const url = new URL(`http://${endpoint.slice('tcp://'.length)}`);
    return { host: url.hostname, port: Number(url.port || 2375) };
  }
  return `unsupported DOCKER_HOST scheme in ${endpoint} (only unix:// and tcp:// are probed)`;
}
