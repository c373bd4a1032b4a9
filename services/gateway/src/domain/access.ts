/**
 * Who may do what, per tenant. Pure rules: the API layer asks `decideAccess` before every call
 * it forwards, and the answer says what the caller gets back.
 */

/** Roles in ascending power: each includes what the ones before it may do. */
export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Every tenant at once: a platform operator's grant. */
export const anyTenant = '*';

/** A role held on one tenant, or on every tenant (`*`). */
export interface Grant {
  readonly role: Role;
  readonly tenant: string;
}

/** An authenticated caller: a stable subject (recorded as the actor) and its grants. */
export interface Principal {
  /** `token:<name>` for an API token, `oidc:<sub>` for an OIDC bearer token. */
  readonly subject: string;
  readonly grants: readonly Grant[];
}

/**
 * What an endpoint needs: a role on the tenant the resource belongs to; on the whole platform
 * (a grant on `*`) to change what no tenant owns (hardware, discovery sources, API tokens); or,
 * to read what every tenant shares (the hardware pools), that role on any tenant.
 */
export interface Need {
  readonly role: Role;
  readonly on: { readonly tenant: string } | 'platform' | 'shared';
}

/**
 * `allowed`; `hidden` when the caller holds nothing on that tenant (answered as not found, so
 * that one tenant cannot learn what another has); `forbidden` when it may look but not do this.
 */
export type AccessDecision = 'allowed' | 'hidden' | 'forbidden';

export function decideAccess(principal: Principal, need: Need): AccessDecision {
  const { on } = need;
  const relevant = principal.grants.filter((grant) => {
    if (on === 'shared' || grant.tenant === anyTenant) return true;
    return on !== 'platform' && grant.tenant === on.tenant;
  });
  if (relevant.length === 0) return typeof on === 'object' ? 'hidden' : 'forbidden';
  return relevant.some((grant) => rank(grant.role) >= rank(need.role)) ? 'allowed' : 'forbidden';
}

/**
 * The tenants on which the caller holds at least `role` (by default any role): `all` for such a
 * grant on `*`.
 */
export function visibleTenants(
  principal: Principal,
  role: Role = 'viewer',
): readonly string[] | 'all' {
  const strong = principal.grants.filter((grant) => rank(grant.role) >= rank(role));
  if (strong.some((grant) => grant.tenant === anyTenant)) return 'all';
  return [...new Set(strong.map((grant) => grant.tenant))].sort();
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

function rank(role: Role): number {
  return roles.indexOf(role);
}

/** A grant from its text form `role:tenant` (`operator:finance`, `admin:*`); undefined if malformed. */
export function parseGrant(text: string): Grant | undefined {
  const separator = text.indexOf(':');
  if (separator < 0) return undefined;
  const role = text.slice(0, separator);
  const tenant = text.slice(separator + 1);
  if (!isRole(role) || !isTenantName(tenant)) return undefined;
  return { role, tenant };
}

export function grantText(grant: Grant): string {
  return `${grant.role}:${grant.tenant}`;
}

/** `*`, or a tenant name as the composer accepts it. */
export function isTenantName(text: string): boolean {
  return text === anyTenant || /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(text);
}
