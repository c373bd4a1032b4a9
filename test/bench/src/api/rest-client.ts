import { now } from '../core/timing.js';
import type { AnswerTally } from './answer-tally.js';

/** One answer: its status (undefined when none came), the parsed JSON body and how long it took. */
export interface RestAnswer {
  readonly status: number | undefined;
  readonly body: unknown;
  /** From just before the request was sent to its body read, in ms. */
  readonly ms: number;
}

/**
 * The REST API as a client calls it, with Node's global fetch (undici: connections kept alive
 * and reused). `route` names the endpoint in the tally (`GET /v1/compositions/{id}`), so that
 * every answer that is not 2xx is counted against it. A request that fails without an answer
 * resolves with an undefined status rather than throwing: a benchmark counts it and goes on.
 */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly tally: AnswerTally,
  ) {}

  async call(
    route: string,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    options: { authenticated?: boolean } = {},
  ): Promise<RestAnswer> {
    const started = now();
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.authenticated !== false && { authorization: `Bearer ${this.token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const ms = now() - started;
      const ok = response.status >= 200 && response.status < 300;
      this.tally.record(route, response.status, ok ? undefined : text);
      return { status: response.status, body: parseJson(text), ms };
    } catch (error) {
      this.tally.record(route, undefined, error instanceof Error ? error.message : String(error));
      return { status: undefined, body: undefined, ms: now() - started };
    }
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
