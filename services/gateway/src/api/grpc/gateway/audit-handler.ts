import type { gateway } from '@tessera/contracts';
import { listAudit } from '../../../application/audit/list-audit.js';
import type { AuditLog } from '../../../application/ports/audit-log.js';
import type { GatewayCaller } from './gateway-call.js';
import { auditEntryMessage } from './gateway-messages.js';
import { auditToList } from './gateway-requests.js';

/** ListAudit: GET /v1/audit's page, scoped to the tenants the caller operates. */
export function listAuditHandler(
  log: AuditLog,
): (
  request: gateway.ListAuditRequest,
  caller: GatewayCaller,
) => Promise<gateway.ListAuditResponse> {
  return async (request, caller) => {
    const page = await listAudit(log, caller.principal, auditToList(request));
    return {
      entries: page.items.map(auditEntryMessage),
      page: { nextPageToken: page.nextCursor ?? '' },
    };
  };
}
