import {
  RedfishHttpError,
  RedfishMalformedResponseError,
  RedfishTimeoutError,
  RedfishUnreachableError,
} from './redfish-errors.js';

export interface RedfishHttpOptions {
  readonly origin: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly timeoutMs: number;
  /** Aborts every request: the caller's signal and the crawl's own (on a failure). */
  readonly signal: AbortSignal;
}

const maxRedirects = 5;

/** The most specific reason undici gives for a failed request (`ECONNREFUSED`, `ENOTFOUND` ...). */
function reasonOf(error: unknown): string {
  const cause =
    error instanceof Error
      ? (error.cause as { code?: unknown; message?: unknown } | undefined)
      : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * GETs Redfish resources on one origin: Basic auth when a username is given, a timeout per
 * request (headers and body), redirects followed only on the same origin.
 */
export class RedfishHttp {
  private readonly headers: Record<string, string>;

  constructor(private readonly options: RedfishHttpOptions) {
    this.headers = { Accept: 'application/json', 'OData-Version': '4.0' };
    if (options.username !== undefined) {
      const token = Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64');
      this.headers.Authorization = `Basic ${token}`;
    }
  }

  /**
   * The JSON object at `path`; undefined for a 404 when `missingIsTolerated` (a linked resource
   * below the root), else a typed error naming the URL.
   */
  async getObject(
    path: string,
    missingIsTolerated: boolean,
  ): Promise<Record<string, unknown> | undefined> {
    let url = new URL(path, this.options.origin).href;
    for (let hop = 0; ; hop++) {
      const { status, location, text } = await this.request(url);
      if (status >= 300 && status < 400 && location !== null && hop < maxRedirects) {
        const next = new URL(location, url);
        if (next.origin !== this.options.origin) throw new RedfishHttpError(url, status, false);
        url = next.href;
        continue;
      }
      if (status === 404 && missingIsTolerated) return undefined;
      if (status >= 300)
        throw new RedfishHttpError(url, status, this.options.username !== undefined);
      return this.parse(url, text);
    }
  }

  private async request(url: string) {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = AbortSignal.any([this.options.signal, timeout]);
    try {
      const response = await fetch(url, { headers: this.headers, signal, redirect: 'manual' });
      const text = await response.text();
      return { status: response.status, location: response.headers.get('location'), text };
    } catch (error) {
      if (this.options.signal.aborted) throw this.options.signal.reason;
      if (timeout.aborted)
        throw new RedfishTimeoutError(url, this.options.timeoutMs, { cause: error });
      throw new RedfishUnreachableError(url, reasonOf(error), { cause: error });
    }
  }

  private parse(url: string, text: string): Record<string, unknown> {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new RedfishMalformedResponseError(url, 'the body is not JSON', { cause: error });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new RedfishMalformedResponseError(url, 'the body is not a JSON object');
    }
    return body as Record<string, unknown>;
  }
}
