import { anyTenant, decideAccess, type Grant, type Need, type Principal } from './access.js';

/**
 * Who administers API tokens, for both public APIs: an admin hands out only what it holds
 * itself, and sees and revokes only the tokens it could have issued.
 */

/** What handing out `grant` needs: admin on its tenant, or on every tenant for a grant on `*`. */
export function needToGrant(grant: Grant): Need {
  return { role: 'admin', on: grant.tenant === anyTenant ? 'platform' : { tenant: grant.tenant } };
}

/** The first of `grants` the principal may not hand out; undefined when it may hand out all. */
export function firstGrantNotHeld(
  principal: Principal,
  grants: readonly Grant[],
): Grant | undefined {
  return grants.find((grant) => decideAccess(principal, needToGrant(grant)) !== 'allowed');
}

/** Whether the principal administers a token with these grants (it could have issued it). */
export function administers(principal: Principal, grants: readonly Grant[]): boolean {
  return firstGrantNotHeld(principal, grants) === undefined;
}

/** The tenant an issue of these grants touches, for the audit log: their one tenant, else `*`. */
export function auditTenantOf(grants: readonly Grant[]): string {
  const tenants = new Set(grants.map((grant) => grant.tenant));
  const [only] = tenants;
  return tenants.size === 1 && only !== undefined ? only : anyTenant;
}
