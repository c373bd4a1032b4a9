import type { gateway } from '@tessera/contracts';
import type { ListAudit } from '../../../application/audit/list-audit.js';
import type { WatchEvents } from '../../../application/events/watch-events.js';
import { type Grant, parseGrant } from '../../../domain/access.js';
import { type BadField, invalidArgument } from '../grpc-refusal.js';

/**
 * GatewayService requests read into the application's commands. A bad request is refused as a
 * whole (INVALID_ARGUMENT naming every bad field by its proto path, in REST's words) before any
 * use case runs, so it changes nothing.
 */

const tokenNamePattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const cursorPattern = /^\d{1,20}:\d{1,16}$/;
const kindPattern = /^[a-z]+$/;
const maxGrants = 32;
const defaultPageSize = 100;
const maxPageSize = 1000;

export interface TokenToIssue {
  readonly name: string;
  readonly grants: readonly Grant[];
  readonly expiresAt: Date | undefined;
}

export function tokenToIssue(request: gateway.IssueTokenRequest, now: Date): TokenToIssue {
  const bad: BadField[] = [];
  if (!tokenNamePattern.test(request.name)) {
    bad.push({
      field: 'name',
      description:
        'must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
    });
  }
  if (request.grants.length === 0 || request.grants.length > maxGrants) {
    bad.push({ field: 'grants', description: `must hold 1 to ${maxGrants} grants` });
  }
  const grants = request.grants.flatMap((text, index) => {
    const grant = parseGrant(text);
    if (grant === undefined) {
      bad.push({
        field: `grants[${index}]`,
        description: 'must be role:tenant, role viewer, operator or admin, tenant a name or *',
      });
    }
    return grant === undefined ? [] : [grant];
  });
  const expiresAt = request.expiresAt === undefined ? undefined : new Date(request.expiresAt);
  if (expiresAt !== undefined && !(expiresAt.getTime() > now.getTime())) {
    bad.push({ field: 'expires_at', description: 'must be in the future' });
  }
  if (bad.length > 0) throw invalidArgument(bad);
  return { name: request.name, grants, expiresAt };
}

export function tokenToRevoke(request: gateway.RevokeTokenRequest): string {
  if (request.tokenId === '') {
    throw invalidArgument([{ field: 'token_id', description: 'is required' }]);
  }
  return request.tokenId;
}

export function auditToList(request: gateway.ListAuditRequest): ListAudit {
  const bad: BadField[] = [];
  const tenant = optionalText(request.tenant, 'tenant', 63, bad);
  const actor = optionalText(request.actor, 'actor', 200, bad);
  const pageSize = request.page?.pageSize ?? 0;
  if (pageSize < 0) bad.push({ field: 'page.page_size', description: 'must not be negative' });
  const pageToken = request.page?.pageToken ?? '';
  if (pageToken !== '' && !cursorPattern.test(pageToken)) {
    bad.push({ field: 'page.page_token', description: 'must be a next_page_token of this API' });
  }
  if (bad.length > 0) throw invalidArgument(bad);
  return {
    tenant,
    actor,
    after: pageToken === '' ? undefined : pageToken,
    // As every list of Tessera: 0 is the default, a size above the maximum is lowered.
    limit: pageSize === 0 ? defaultPageSize : Math.min(pageSize, maxPageSize),
  };
}

export function eventsToWatch(request: gateway.WatchEventsRequest): WatchEvents {
  const bad: BadField[] = [];
  request.kinds.forEach((kind, index) => {
    if (!kindPattern.test(kind)) {
      bad.push({ field: `kinds[${index}]`, description: 'must be a kind, e.g. composition' });
    }
  });
  const tenant = optionalText(request.tenant, 'tenant', 63, bad);
  if (request.after !== '' && !cursorPattern.test(request.after)) {
    bad.push({ field: 'after', description: 'must be a position this stream sent' });
  }
  if (bad.length > 0) throw invalidArgument(bad);
  return {
    kinds: request.kinds.length === 0 ? undefined : request.kinds,
    tenant,
    after: request.after === '' ? undefined : request.after,
  };
}

/** Empty is absent, as proto3 strings have no other way to say so. */
function optionalText(
  value: string,
  field: string,
  maxLength: number,
  bad: BadField[],
): string | undefined {
  if (value.length > maxLength) {
    bad.push({ field, description: `must be at most ${maxLength} characters` });
  }
  return value === '' ? undefined : value;
}
