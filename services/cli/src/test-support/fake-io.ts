import type { CliIo } from '../io.js';

/** A scripted server: each request gets the answer of the first route whose test matches. */
export interface FakeRoute {
  readonly method?: string;
  readonly path: string | RegExp;
  readonly answer: (request: RecordedRequest) => Response | Promise<Response>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: unknown;
}

/** CliIo over strings and a fake fetch, recording every request. */
export function fakeIo(
  routes: readonly FakeRoute[],
  options: { env?: Record<string, string>; stdin?: string; now?: number } = {},
) {
  const output = { stdout: '', stderr: '' };
  const requests: RecordedRequest[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = init?.method ?? 'GET';
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      url,
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : parsed(text),
    };
    requests.push(request);
    const route = routes.find(
      (candidate) =>
        (candidate.method ?? 'GET') === method &&
        (typeof candidate.path === 'string'
          ? candidate.path === url.pathname
          : candidate.path.test(url.pathname)),
    );
    if (route === undefined)
      return problem(404, 'ROUTE_NOT_FOUND', `no route ${method} ${url.pathname}`);
    return route.answer(request);
  }) as typeof fetch;
  const io: CliIo = {
    stdout: { write: (text) => (output.stdout += text) },
    stderr: { write: (text) => (output.stderr += text) },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: {
      TESSERA_CONFIG: '/nonexistent/tessera-test/config.json',
      TESSERA_SERVER: 'http://api.test',
      TESSERA_TOKEN: 'tsr_test',
      ...options.env,
    },
    fetch: fakeFetch,
    now: () => options.now ?? Date.parse('2030-01-01T12:00:00Z'),
  };
  return { io, output, requests };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function jsonAnswer(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: { field: string; message: string }[],
): Response {
  return new Response(
    JSON.stringify({
      type: `urn:tessera:problem:${code.toLowerCase()}`,
      title: 'x',
      status,
      detail,
      code,
      ...(errors && { errors }),
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}
