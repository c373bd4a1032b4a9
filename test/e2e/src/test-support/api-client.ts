/** One answer of the REST API: status, headers and the parsed JSON body (undefined if none). */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface ApiClient {
  readonly token: string | undefined;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer>;
  get(path: string, headers?: Record<string, string>): Promise<ApiAnswer>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  delete(path: string, headers?: Record<string, string>): Promise<ApiAnswer>;
}

/** A client of the REST API sending `token` as a bearer token (none when undefined). */
export function apiClient(baseUrl: string, token: string | undefined): ApiClient {
  const request: ApiClient['request'] = async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
  };
  return {
    token,
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body ?? {}, headers),
    put: (path, body, headers) => request('PUT', path, body ?? {}, headers),
    delete: (path, headers) => request('DELETE', path, undefined, headers),
  };
}

/** Polls `read` every 50 ms until `done` holds or `timeoutMs` passes (then throws). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`not reached within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let issuedTokens = 0;

/**
 * Issues API tokens as `admin` and answers clients holding them: `clientWith('operator:finance')`.
 * Token names start with `prefix`.
 */
export function tokenIssuer(
  baseUrl: string,
  admin: ApiClient,
  prefix: string,
): (...grants: string[]) => Promise<ApiClient> {
  return async (...grants) => {
    issuedTokens += 1;
    const issued = await admin.post('/v1/tokens', { name: `${prefix}-${issuedTokens}`, grants });
    if (issued.status !== 201) {
      throw new Error(`issuing a token answered ${issued.status}: ${JSON.stringify(issued.body)}`);
    }
    return apiClient(baseUrl, (issued.body as { secret: string }).secret);
  };
}
