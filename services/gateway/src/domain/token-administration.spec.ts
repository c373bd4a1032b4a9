import { describe, expect, it } from 'vitest';
import { type Grant, parseGrant, type Principal } from './access.js';
import { administers, auditTenantOf, firstGrantNotHeld } from './token-administration.js';

const grants = (...texts: string[]): Grant[] =>
  texts.map((text) => {
    const grant = parseGrant(text);
    if (grant === undefined) throw new Error(`bad grant ${text}`);
    return grant;
  });

const caller = (...texts: string[]): Principal => ({
  subject: 'token:t',
  grants: grants(...texts),
});

describe('administering API tokens', () => {
  it("lets a tenant's admin grant any role on that tenant", () => {
    const admin = caller('admin:finance');
    expect(administers(admin, grants('viewer:finance', 'admin:finance'))).toBe(true);
  });

  it('keeps a tenant admin from granting another tenant or every tenant', () => {
    const admin = caller('admin:finance');
    expect(firstGrantNotHeld(admin, grants('viewer:finance', 'viewer:research'))).toEqual({
      role: 'viewer',
      tenant: 'research',
    });
    expect(firstGrantNotHeld(admin, grants('viewer:*'))).toEqual({ role: 'viewer', tenant: '*' });
  });

  it('needs the admin role, not a weaker one, even on the tenant granted', () => {
    expect(administers(caller('operator:finance'), grants('viewer:finance'))).toBe(false);
  });

  it('lets an admin of every tenant grant anything', () => {
    expect(administers(caller('admin:*'), grants('admin:*', 'operator:research'))).toBe(true);
  });
});

describe('the tenant an issue is recorded under', () => {
  it('is the one tenant its grants name, else every tenant', () => {
    expect(auditTenantOf(grants('viewer:finance', 'operator:finance'))).toBe('finance');
    expect(auditTenantOf(grants('viewer:finance', 'viewer:research'))).toBe('*');
  });
});
