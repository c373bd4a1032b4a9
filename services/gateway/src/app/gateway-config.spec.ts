import { ConfigInvalidError } from '@tessera/api-kit/server';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './gateway-config.js';

const required = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tessera',
  INVENTORY_GRPC_URL: '127.0.0.1:50061',
  COMPOSER_GRPC_URL: '127.0.0.1:50062',
};

describe('loadGatewayConfig', () => {
  it('reads the defaults: REST on 127.0.0.1:8080, no OIDC', () => {
    expect(loadGatewayConfig(required)).toMatchObject({
      httpHost: '127.0.0.1',
      httpPort: 8080,
      inventoryUrl: '127.0.0.1:50061',
      adminToken: undefined,
      oidc: undefined,
    });
  });

  it('reads OIDC settings, discovering the keys unless a JWKS URL is given', () => {
    const config = loadGatewayConfig({ ...required, OIDC_ISSUER: 'https://id.example.com/' });
    expect(config.oidc).toEqual({
      issuer: 'https://id.example.com',
      audience: 'tessera',
      jwksUrl: undefined,
      rolesClaim: 'tessera_roles',
    });
  });

  it('names every bad variable at once', () => {
    let failure: unknown;
    try {
      loadGatewayConfig({
        DATABASE_URL: 'mysql://x',
        HTTP_PORT: '70000',
        COMPOSER_GRPC_URL: 'composer',
        GATEWAY_ADMIN_TOKEN: 'short',
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigInvalidError);
    expect(
      (failure as ConfigInvalidError).problems.map((problem) => problem.variable).sort(),
    ).toEqual([
      'COMPOSER_GRPC_URL',
      'DATABASE_URL',
      'GATEWAY_ADMIN_TOKEN',
      'HTTP_PORT',
      'INVENTORY_GRPC_URL',
    ]);
  });
});
