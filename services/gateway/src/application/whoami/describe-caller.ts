import { anyTenant, grantText, type Principal, visibleTenants } from '../../domain/access.js';

/** The caller as "who am I" answers it, on both public APIs. */
export interface CallerDescription {
  /** `token:<name>` or `oidc:<sub>`: the actor recorded for what it does. */
  readonly subject: string;
  /** How it authenticated: an API token the gateway issued, or an OIDC access token. */
  readonly kind: 'token' | 'oidc';
  /** Each grant as `role:tenant`. */
  readonly grants: readonly string[];
  /** The tenants it holds any grant on, sorted; `*` alone for a grant on every tenant. */
  readonly visibleTenants: readonly string[];
}

export function describeCaller(caller: Principal): CallerDescription {
  const tenants = visibleTenants(caller);
  return {
    subject: caller.subject,
    kind: caller.subject.startsWith('oidc:') ? 'oidc' : 'token',
    grants: caller.grants.map(grantText),
    visibleTenants: tenants === 'all' ? [anyTenant] : tenants,
  };
}
