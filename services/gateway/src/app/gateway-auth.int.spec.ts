import 'reflect-metadata';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGatewayService } from './gateway-app.js';
import { startTestIssuer, type TestIssuer } from './test-support/oidc-issuer.js';

const adminToken = 'bootstrap-admin-secret-0123456789';

let database: TestDatabase;
let issuer: TestIssuer;
let gateway: RunningGateway;

/** The gateway alone: token and OIDC checks need no service behind it (/v1/tokens is its own). */
async function startGateway(token: string, issuerUrl = issuer.issuer): Promise<RunningGateway> {
  return startGatewayService(
    {
      databaseUrl: database.url,
      grpcHost: '127.0.0.1',
      grpcPort: 0,
      httpHost: '127.0.0.1',
      httpPort: 0,
      inventoryUrl: '127.0.0.1:1',
      composerUrl: '127.0.0.1:1',
      adminToken: token,
      oidc: {
        issuer: issuerUrl,
        audience: 'tessera',
        jwksUrl: undefined,
        rolesClaim: 'tessera_roles',
      },
    },
    { logLevels: ['error'] },
  );
}

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'gateway_auth' });
  issuer = await startTestIssuer();
  gateway = await startGateway(adminToken);
});

afterAll(async () => {
  await gateway.close();
  await issuer.close();
  await database.drop();
});

const tokens = (bearer: string) =>
  fetch(`${gateway.httpUrl}/v1/tokens`, { headers: { authorization: `Bearer ${bearer}` } });

describe('OIDC bearer tokens', () => {
  it('accepts a token the issuer signed, with the roles its claim lists', async () => {
    const jwt = await issuer.sign({ sub: 'alice', aud: 'tessera', tessera_roles: ['admin:*'] });
    expect((await tokens(jwt)).status).toBe(200);
  });

  it('refuses a token signed by another key, for another audience, or expired', async () => {
    const forged = await issuer.sign(
      { sub: 'mallory', aud: 'tessera', tessera_roles: ['admin:*'] },
      { key: 'stranger' },
    );
    const elsewhere = await issuer.sign({ sub: 'bob', aud: 'billing', tessera_roles: ['admin:*'] });
    const expired = await issuer.sign({
      sub: 'carol',
      aud: 'tessera',
      tessera_roles: ['admin:*'],
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    for (const jwt of [forged, elsewhere, expired]) expect((await tokens(jwt)).status).toBe(401);
  });

  it('gives a token without a strong enough role 403', async () => {
    const viewer = await issuer.sign({ sub: 'dave', aud: 'tessera', tessera_roles: ['viewer:*'] });
    expect((await tokens(viewer)).status).toBe(403);
    const nothing = await issuer.sign({ sub: 'erin', aud: 'tessera' });
    expect((await tokens(nothing)).status).toBe(403);
  });
});

describe('an issuer that does not answer', () => {
  it('is a 503 naming the issuer, not a 401', async () => {
    const gone = await startTestIssuer();
    const jwt = await gone.sign({ sub: 'frank', aud: 'tessera', tessera_roles: ['admin:*'] });
    await gone.close();
    const orphan = await startGateway(adminToken, gone.issuer);
    try {
      const answer = await fetch(`${orphan.httpUrl}/v1/tokens`, {
        headers: { authorization: `Bearer ${jwt}` },
      });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ code: 'IDENTITY_PROVIDER_UNAVAILABLE' });
    } finally {
      await orphan.close();
    }
  });
});

describe('the bootstrap admin token', () => {
  it('works, and stops working once another one is configured', async () => {
    expect((await tokens(adminToken)).status).toBe(200);
    const next = 'bootstrap-admin-secret-rotated-42';
    const rotated = await startGateway(next);
    try {
      expect((await tokens(next)).status).toBe(200);
      expect((await tokens(adminToken)).status).toBe(401);
    } finally {
      await rotated.close();
    }
    const list = await tokens(next).then(
      (response) => response.json() as Promise<{ items: { name: string; revokedAt?: string }[] }>,
    );
    expect(list.items.filter((token) => token.name === 'bootstrap-admin')).toHaveLength(2);
    expect(JSON.stringify(list)).not.toContain(next);
  });

  it('stores only a hash of secrets', async () => {
    const issued = await fetch(`${gateway.httpUrl}/v1/tokens`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer bootstrap-admin-secret-rotated-42',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'hash-check', grants: ['viewer:finance'] }),
    }).then((response) => response.json() as Promise<{ secret: string }>);
    expect(issued.secret).toMatch(/^tsr_[A-Za-z0-9_-]{43}$/);
    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ dump: string }>(
        `SELECT string_agg(t::text, ' ') AS dump FROM gateway.api_tokens t`,
      );
      expect(rows[0]?.dump).not.toContain(issued.secret);
      expect(rows[0]?.dump).not.toContain(adminToken);
    } finally {
      await client.end();
    }
  });
});
