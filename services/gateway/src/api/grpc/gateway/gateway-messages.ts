import { gateway } from '@tessera/contracts';
import type { AuditRecord } from '../../../application/ports/audit-log.js';
import type { FeedEntry } from '../../../application/ports/event-feed.js';
import type { ApiToken } from '../../../application/ports/token-store.js';
import type { CallerDescription } from '../../../application/whoami/describe-caller.js';
import { grantText } from '../../../domain/access.js';

/** The gateway's answers as GatewayService messages: never a stored row, never a secret. */

export function callerMessage(caller: CallerDescription): gateway.WhoAmIResponse {
  return {
    subject: caller.subject,
    kind:
      caller.kind === 'oidc'
        ? gateway.CallerKind.CALLER_KIND_OIDC
        : gateway.CallerKind.CALLER_KIND_TOKEN,
    grants: [...caller.grants],
    visibleTenants: [...caller.visibleTenants],
  };
}

export function apiTokenMessage(token: ApiToken): gateway.ApiToken {
  return {
    tokenId: token.id,
    name: token.name,
    grants: token.grants.map(grantText),
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString(),
    revokedAt: token.revokedAt?.toISOString(),
    revokedBy: token.revokedBy ?? '',
  };
}

export function auditEntryMessage(record: AuditRecord): gateway.AuditEntry {
  return {
    cursor: record.cursor,
    at: record.at.toISOString(),
    actor: record.actor,
    tenant: record.tenant,
    action: record.action,
    resource: record.resource,
    outcome: record.outcome,
    correlationId: record.correlationId,
  };
}

export function eventMessage(entry: FeedEntry): gateway.WatchEventsResponse {
  const { event } = entry;
  return {
    position: entry.cursor,
    event: {
      eventId: event.id,
      type: event.type,
      kind: event.kind,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      tenant: event.tenant,
      actor: event.actor,
      recordedAt: event.recordedAt,
      dataJson: JSON.stringify(event.data),
    },
  };
}
