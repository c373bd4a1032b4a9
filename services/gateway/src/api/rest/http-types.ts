import type { Principal } from '../../domain/access.js';

/** The parts of Express's request the API layer reads (the gateway needs no Express types). */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set by the authentication guard. */
  principal?: Principal;
  /** Set by the authentication guard: this request's id, sent on as `x-correlation-id`. */
  correlationId?: string;
  /** Set by a handler: the tenant its command touched ("*" when none), for the audit log. */
  auditTenant?: string;
}

/** The parts of Express's response the API layer writes. */
export interface HttpResponse {
  readonly headersSent: boolean;
  status(code: number): HttpResponse;
  type(contentType: string): HttpResponse;
  setHeader(name: string, value: string): unknown;
  send(body: string): unknown;
  end(): unknown;
}
