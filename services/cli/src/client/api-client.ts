import { ApiError, UnavailableError } from '../errors.js';
import { problemOf } from './problem.js';

/** A query parameter: a list repeats it (`label=a&label=b`). */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestOptions {
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is, with its content type (a YAML manifest). */
  readonly text?: { readonly content: string; readonly contentType: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/** A successful answer: its status, headers and parsed JSON body (undefined when empty). */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface ApiClientOptions {
  /** `http://host:port`, without a trailing slash. */
  readonly server: string;
  readonly token: string | undefined;
  readonly fetch?: typeof fetch;
  /** How long one request may take; default 30 s. */
  readonly timeoutMs?: number;
  /** Aborts every request (the user interrupted). */
  readonly signal?: AbortSignal;
}

const defaultTimeoutMs = 30_000;

/**
 * The REST API over fetch. Every error answer becomes an `ApiError` carrying the problem
 * document (and so the exit code of its status); a connection that fails or a request that
 * takes too long becomes an `UnavailableError`.
 */
export class ApiClient {
  readonly server: string;
  private readonly token: string | undefined;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly signal: AbortSignal | undefined;

  constructor(options: ApiClientOptions) {
    this.server = options.server;
    this.token = options.token;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.signal = options.signal;
  }

  get hasToken(): boolean {
    return this.token !== undefined;
  }

  get(path: string, query?: RequestOptions['query']): Promise<ApiAnswer> {
    return this.request('GET', path, { query });
  }

  post(path: string, body: unknown, headers?: RequestOptions['headers']): Promise<ApiAnswer> {
    return this.request('POST', path, { body, headers });
  }

  delete(path: string): Promise<ApiAnswer> {
    return this.request('DELETE', path);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiAnswer> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.signal === undefined ? timeout : AbortSignal.any([timeout, this.signal]);
    const response = await this.send(method, path, options, signal, 'application/json');
    const text = await this.readText(response, path);
    if (!response.ok) throw this.errorOf(response, text);
    return { status: response.status, headers: response.headers, body: parseBody(text) };
  }

  /**
   * Opens a streaming GET (Server-Sent Events): the response, once its status is 2xx. Only the
   * connection is timed; the body is read for as long as the caller wants.
   */
  async openStream(
    path: string,
    query: RequestOptions['query'],
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<Response> {
    const response = await this.send('GET', path, { query, headers }, signal, 'text/event-stream');
    if (!response.ok) throw this.errorOf(response, await this.readText(response, path));
    return response;
  }

  /** The full URL of `path` with `query` (undefined values left out). */
  urlOf(path: string, query: RequestOptions['query'] = {}): string {
    const url = new URL(path, `${this.server}/`);
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      if (isList(value)) for (const entry of value) url.searchParams.append(name, entry);
      else url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    signal: AbortSignal,
    accept: string,
  ): Promise<Response> {
    const body =
      options.text ??
      (options.body === undefined
        ? undefined
        : { content: JSON.stringify(options.body), contentType: 'application/json' });
    const headers: Record<string, string> = {
      accept: `${accept}, application/problem+json`,
      ...(this.token !== undefined && { authorization: `Bearer ${this.token}` }),
      ...(body !== undefined && { 'content-type': body.contentType }),
      ...options.headers,
    };
    try {
      return await this.fetch(this.urlOf(path, options.query), {
        method,
        headers,
        signal,
        ...(body !== undefined && { body: body.content }),
      });
    } catch (error) {
      throw this.failureOf(error, method, path);
    }
  }

  private async readText(response: Response, path: string): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw this.failureOf(error, 'reading', path);
    }
  }

  private errorOf(response: Response, text: string): ApiError {
    const problem = problemOf(response.status, response.statusText, text);
    const hints =
      response.status === 401 && this.token === undefined
        ? ['no token: run `tessera login`, or set TESSERA_TOKEN, or pass --token']
        : [];
    return new ApiError(problem, hints);
  }

  private failureOf(error: unknown, method: string, path: string): Error {
    if (this.signal?.aborted === true) return new UnavailableError('interrupted');
    if (error instanceof Error && error.name === 'TimeoutError') {
      return new UnavailableError(
        `${this.server} did not answer ${method} ${path} within ${this.timeoutMs / 1000}s`,
      );
    }
    return new UnavailableError(`cannot reach ${this.server}: ${causeOf(error)}`);
  }
}

function isList(value: QueryValue): value is readonly string[] {
  return Array.isArray(value);
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** fetch's "fetch failed" hides the useful part (ECONNREFUSED, ENOTFOUND) in its cause. */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code !== undefined && !cause.message.includes(code)
      ? `${code} ${cause.message}`
      : cause.message;
  }
  return error.message;
}
