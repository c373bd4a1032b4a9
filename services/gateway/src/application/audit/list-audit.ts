import { decideAccess, type Principal, visibleTenants } from '../../domain/access.js';
import { roleNeededOnTenant } from '../access/access-denied-error.js';
import type { AuditLog, AuditRecord } from '../ports/audit-log.js';

export interface ListAudit {
  /** Only this tenant's entries; undefined: every tenant the caller operates. */
  readonly tenant: string | undefined;
  readonly actor: string | undefined;
  /** The previous page's `nextCursor`; undefined for the first page. */
  readonly after: string | undefined;
  readonly limit: number;
}

export interface AuditPage {
  readonly items: readonly AuditRecord[];
  /** Where the next page begins; undefined on the last page. */
  readonly nextCursor: string | undefined;
}

/**
 * One page of the audit log, oldest first, of the tenants the caller holds the operator role on
 * (a grant on `*` sees every entry, platform-wide ones included). Naming a tenant the caller
 * does not operate is an `AccessDeniedError`.
 */
export async function listAudit(
  log: AuditLog,
  caller: Principal,
  request: ListAudit,
): Promise<AuditPage> {
  const { tenant, limit } = request;
  if (
    tenant !== undefined &&
    decideAccess(caller, { role: 'operator', on: { tenant } }) !== 'allowed'
  ) {
    throw roleNeededOnTenant('operator', tenant);
  }
  const items = await log.query({
    tenants: tenant === undefined ? visibleTenants(caller, 'operator') : [tenant],
    actor: request.actor,
    after: request.after,
    limit,
  });
  return {
    items,
    nextCursor: items.length === limit ? items[items.length - 1]?.cursor : undefined,
  };
}
