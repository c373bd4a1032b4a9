/** One command the gateway answered: who, on which tenant, what, and how it ended. */
export interface AuditEntry {
  readonly actor: string;
  /** The tenant the command touched; `*` for platform-wide ones (hardware, tokens). */
  readonly tenant: string;
  /** `POST /v1/compositions/{id}/expand`: the method and the route, not the concrete path. */
  readonly action: string;
  /** The concrete path: `/v1/compositions/c-42/expand`. */
  readonly resource: string;
  /** The HTTP status it was answered with. */
  readonly outcome: number;
  readonly correlationId: string;
}

export interface AuditRecord extends AuditEntry {
  /** Where the entry is in the log: the cursor to read on from (`<transaction>:<position>`). */
  readonly cursor: string;
  readonly at: Date;
}

export interface AuditQuery {
  /** Only these tenants' entries; `all` for a platform viewer. */
  readonly tenants: readonly string[] | 'all';
  readonly actor: string | undefined;
  /** Entries after this cursor (the previous page's last); undefined from the start. */
  readonly after: string | undefined;
  readonly limit: number;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  query(query: AuditQuery): Promise<readonly AuditRecord[]>;
}
