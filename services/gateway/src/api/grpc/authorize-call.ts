import { decideAccess, type Need, type Principal, visibleTenants } from '../../domain/access.js';
import type { CallRule } from './grpc-access-rules.js';
import { notFound, permissionDenied } from './grpc-refusal.js';

/** How the gateway learns the tenant of what a request names (undefined: no such thing). */
export interface TenantLookups {
  composition(id: string): Promise<string | undefined>;
  lease(id: string): Promise<string | undefined>;
  reservation(id: string): Promise<string | undefined>;
}

/**
 * Refuses a call the principal may not make (PERMISSION_DENIED, or NOT_FOUND for what belongs
 * to a tenant it cannot see), else answers the tenant the call touches (`*` when none), for the
 * audit log.
 */
export async function authorizeCall(
  rule: CallRule,
  request: unknown,
  principal: Principal,
  lookups: TenantLookups,
): Promise<string> {
  const read = <T>(accessor: (request: never) => T): T => accessor(request as never);
  if ('on' in rule) {
    require(principal, { role: rule.role, on: rule.on });
    return '*';
  }
  if ('tenantNamed' in rule) {
    const tenant = read(rule.tenantNamed);
    require(principal, { role: rule.role, on: tenant === '' ? 'shared' : { tenant } });
    return tenant === '' ? '*' : tenant;
  }
  if ('listedTenant' in rule) {
    const tenant = read(rule.listedTenant);
    if (tenant !== '') {
      require(principal, { role: rule.role, on: { tenant } });
      return tenant;
    }
    if (visibleTenants(principal, rule.role) !== 'all') {
      throw permissionDenied('name the tenant to list: the caller does not see every tenant');
    }
    return '*';
  }
  const [what, id, tenant] =
    'composition' in rule
      ? ['composition', read(rule.composition), await lookups.composition(read(rule.composition))]
      : 'lease' in rule
        ? ['lease', read(rule.lease), await lookups.lease(read(rule.lease))]
        : [
            'reservation',
            read(rule.reservation),
            await lookups.reservation(read(rule.reservation)),
          ];
  const decision =
    tenant === undefined ? 'hidden' : decideAccess(principal, { role: rule.role, on: { tenant } });
  if (decision === 'hidden') throw notFound(`${what} "${id}" does not exist`);
  if (decision === 'forbidden') {
    throw permissionDenied(`this needs the ${rule.role} role on tenant "${tenant ?? ''}"`);
  }
  return tenant ?? '*';
}

function require(principal: Principal, need: Need): void {
  if (decideAccess(principal, need) !== 'allowed') {
    const where =
      need.on === 'platform'
        ? 'every tenant ("*")'
        : need.on === 'shared'
          ? 'some tenant'
          : `tenant "${need.on.tenant}"`;
    throw permissionDenied(`this needs the ${need.role} role on ${where}`);
  }
}
