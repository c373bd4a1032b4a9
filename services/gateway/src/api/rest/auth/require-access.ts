import { decideAccess, type Role } from '../../../domain/access.js';
import { ApiProblem } from '../problem.js';
import type { Caller } from './access.decorators.js';

/** Refuses (403) unless the caller holds `role` on `tenant`: for what the caller names itself. */
export function requireTenantAccess(caller: Caller, role: Role, tenant: string): void {
  if (decideAccess(caller.principal, { role, on: { tenant } }) !== 'allowed') {
    throw new ApiProblem(403, 'FORBIDDEN', `this needs the ${role} role on tenant "${tenant}"`);
  }
}

/**
 * Refuses unless the caller holds `role` on the tenant an existing resource belongs to: 404 (as
 * if it did not exist) when the caller holds nothing there, so that tenants cannot probe each
 * other; 403 when it may look but not do this. `what` names the resource in the 404's detail.
 */
export function requireVisibleAccess(
  caller: Caller,
  role: Role,
  tenant: string,
  what: string,
): void {
  const decision = decideAccess(caller.principal, { role, on: { tenant } });
  if (decision === 'hidden') throw new ApiProblem(404, 'NOT_FOUND', `${what} does not exist`);
  if (decision === 'forbidden') {
    throw new ApiProblem(403, 'FORBIDDEN', `this needs the ${role} role on tenant "${tenant}"`);
  }
}

/** Refuses unless the caller holds `role` on every tenant (`*`): platform administration. */
export function requirePlatformAccess(caller: Caller, role: Role): void {
  if (decideAccess(caller.principal, { role, on: 'platform' }) !== 'allowed') {
    throw new ApiProblem(403, 'FORBIDDEN', `this needs the ${role} role on every tenant ("*")`);
  }
}
