import { visibleTenants } from '../../../domain/access.js';
import type { Caller } from './access.decorators.js';
import { requireTenantAccess } from './require-access.js';
import { ApiProblem } from '../problem.js';

/**
 * The tenant a list is for: the one named (viewer on it, else 403), or the caller's only one,
 * or every tenant ('') for a grant on `*`. A caller that sees several tenants must name one.
 */
export function listedTenant(caller: Caller, named: string | undefined): string {
  if (named !== undefined) {
    requireTenantAccess(caller, 'viewer', named);
    return named;
  }
  const tenants = visibleTenants(caller.principal);
  if (tenants === 'all') return '';
  if (tenants.length === 1 && tenants[0] !== undefined) return tenants[0];
  throw new ApiProblem(
    400,
    'VALIDATION_FAILED',
    `name the tenant: the caller sees ${tenants.join(', ')}`,
    [{ field: 'tenant', message: `must be one of ${tenants.join(', ')}` }],
  );
}
