import { describe, expect, it } from 'vitest';
import { decideAccess, parseGrant, type Principal, visibleTenants } from './access.js';

const caller = (...grants: string[]): Principal => ({
  subject: 'token:t',
  grants: grants.map((text) => {
    const grant = parseGrant(text);
    if (grant === undefined) throw new Error(`bad grant ${text}`);
    return grant;
  }),
});

describe('decideAccess', () => {
  it('allows a role on its tenant and every weaker role', () => {
    const operator = caller('operator:finance');
    expect(decideAccess(operator, { role: 'operator', on: { tenant: 'finance' } })).toBe('allowed');
    expect(decideAccess(operator, { role: 'viewer', on: { tenant: 'finance' } })).toBe('allowed');
    expect(decideAccess(operator, { role: 'admin', on: { tenant: 'finance' } })).toBe('forbidden');
  });

  it('hides another tenant entirely, so that it reads as not found', () => {
    expect(
      decideAccess(caller('admin:finance'), { role: 'viewer', on: { tenant: 'research' } }),
    ).toBe('hidden');
  });

  it('gives a grant on * every tenant and the platform', () => {
    const platform = caller('operator:*');
    expect(decideAccess(platform, { role: 'operator', on: { tenant: 'any' } })).toBe('allowed');
    expect(decideAccess(platform, { role: 'operator', on: 'platform' })).toBe('allowed');
    expect(decideAccess(platform, { role: 'admin', on: 'platform' })).toBe('forbidden');
  });

  it('keeps platform administration from tenant admins', () => {
    expect(decideAccess(caller('admin:finance'), { role: 'viewer', on: 'platform' })).toBe(
      'forbidden',
    );
  });

  it('lets any grant read what tenants share, at its own strength', () => {
    expect(decideAccess(caller('viewer:finance'), { role: 'viewer', on: 'shared' })).toBe(
      'allowed',
    );
    expect(decideAccess(caller('viewer:finance'), { role: 'operator', on: 'shared' })).toBe(
      'forbidden',
    );
    expect(decideAccess(caller(), { role: 'viewer', on: 'shared' })).toBe('forbidden');
  });
});

describe('visibleTenants', () => {
  it('lists the tenants held at the role asked, or all for *', () => {
    const mixed = caller('viewer:sales', 'operator:finance', 'viewer:finance');
    expect(visibleTenants(mixed)).toEqual(['finance', 'sales']);
    expect(visibleTenants(mixed, 'operator')).toEqual(['finance']);
    expect(visibleTenants(caller('viewer:*'))).toBe('all');
    expect(visibleTenants(caller('viewer:*'), 'operator')).toEqual([]);
  });
});

describe('parseGrant', () => {
  it('reads role:tenant and refuses anything else', () => {
    expect(parseGrant('admin:*')).toEqual({ role: 'admin', tenant: '*' });
    expect(parseGrant('operator:finance-eu')).toEqual({ role: 'operator', tenant: 'finance-eu' });
    for (const bad of ['root:*', 'operator', 'operator:', 'viewer:Finance', 'viewer:-x', ':*']) {
      expect(parseGrant(bad), bad).toBeUndefined();
    }
  });
});
