import { describe, expect, it } from 'vitest';
import { describeCaller } from './describe-caller.js';

describe('describeCaller', () => {
  it('names an OIDC caller and the tenants its grants reach', () => {
    const caller = describeCaller({
      subject: 'oidc:alice',
      grants: [
        { role: 'operator', tenant: 'research' },
        { role: 'viewer', tenant: 'finance' },
      ],
    });
    expect(caller).toEqual({
      subject: 'oidc:alice',
      kind: 'oidc',
      grants: ['operator:research', 'viewer:finance'],
      visibleTenants: ['finance', 'research'],
    });
  });

  it('shows a grant on every tenant as * alone', () => {
    const caller = describeCaller({
      subject: 'token:ops',
      grants: [
        { role: 'viewer', tenant: '*' },
        { role: 'admin', tenant: 'finance' },
      ],
    });
    expect(caller).toMatchObject({ kind: 'token', visibleTenants: ['*'] });
  });
});
