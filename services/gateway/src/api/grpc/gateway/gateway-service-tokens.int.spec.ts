import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { failureOf, unary, violatedFields } from '@tessera/api-kit/test-support';
import { gateway } from '@tessera/contracts';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../../app/gateway-app.js';
import {
  bearer,
  gatewayClient,
  startLoneGateway,
  watchedEvents,
} from '../../../app/test-support/lone-gateway.js';

const adminToken = 'bootstrap-admin-secret-0123456789';

let database: TestDatabase;
let running: RunningGateway;
let client: gateway.GatewayServiceClient;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'gateway_grpc_tokens' });
  running = await startLoneGateway(database, adminToken);
  client = gatewayClient(running.grpcUrl);
});

afterAll(async () => {
  client.close();
  await running.close();
  await database.drop();
});

const as = (token: string | undefined) => (token === undefined ? {} : bearer(token));

const whoAmI = (token?: string) =>
  unary<gateway.WhoAmIResponse>((m, cb) => client.whoAmI({}, m, cb), as(token));
const issue = (token: string | undefined, request: Partial<gateway.IssueTokenRequest>) =>
  unary<gateway.IssueTokenResponse>(
    (m, cb) => client.issueToken(gateway.IssueTokenRequest.fromPartial(request), m, cb),
    as(token),
  );
const list = (token?: string) =>
  unary<gateway.ListTokensResponse>((m, cb) => client.listTokens({}, m, cb), as(token));
const revoke = (token: string | undefined, tokenId: string) =>
  unary<gateway.RevokeTokenResponse>((m, cb) => client.revokeToken({ tokenId }, m, cb), as(token));
const audit = (token?: string) =>
  unary<gateway.ListAuditResponse>(
    (m, cb) => client.listAudit(gateway.ListAuditRequest.fromPartial({}), m, cb),
    as(token),
  );

describe('GatewayService authentication', () => {
  it('refuses every method without a token, or with an unknown one', async () => {
    for (const token of [undefined, 'tsr_not-a-token-the-gateway-issued']) {
      const calls: (() => Promise<unknown>)[] = [
        () => whoAmI(token),
        () => issue(token, { name: 'x', grants: ['viewer:finance'] }),
        () => list(token),
        () => revoke(token, 'any'),
        () => audit(token),
        () => watchedEvents(client, {}, as(token)),
      ];
      for (const call of calls) {
        expect((await failureOf(call())).error.code).toBe(status.UNAUTHENTICATED);
      }
    }
  });

  it('tells the caller who it is', async () => {
    expect(await whoAmI(adminToken)).toEqual({
      subject: 'token:bootstrap-admin',
      kind: gateway.CallerKind.CALLER_KIND_TOKEN,
      grants: ['admin:*'],
      visibleTenants: ['*'],
    });
  });
});

describe('API tokens over gRPC', () => {
  it('shows a new secret once, lets it work at once, and revoking stops it at once', async () => {
    const issued = await issue(adminToken, { name: 'finance-reader', grants: ['viewer:finance'] });
    expect(issued.secret).toMatch(/^tsr_[A-Za-z0-9_-]{43}$/);
    expect(issued.token).toMatchObject({ name: 'finance-reader', grants: ['viewer:finance'] });
    expect(await whoAmI(issued.secret)).toMatchObject({
      subject: 'token:finance-reader',
      visibleTenants: ['finance'],
    });
    const listed = await list(adminToken);
    expect(listed.tokens.map((token) => token.name)).toContain('finance-reader');
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
    expect(await storedTokens()).not.toContain(issued.secret);

    const tokenId = issued.token?.tokenId ?? '';
    expect(await revoke(adminToken, tokenId)).toEqual({ tokenId });
    expect((await failureOf(whoAmI(issued.secret))).error.code).toBe(status.UNAUTHENTICATED);
    const revoked = (await list(adminToken)).tokens.find((token) => token.tokenId === tokenId);
    expect(revoked).toMatchObject({ revokedBy: 'token:bootstrap-admin' });
    const again = await failureOf(revoke(adminToken, tokenId));
    expect(again.error.code).toBe(status.NOT_FOUND);
    expect(again.error.details).toBe(`no active API token has id "${tokenId}"`);
  });

  it('keeps a viewer from issuing and revoking', async () => {
    const viewer = await issue(adminToken, { name: 'plain-viewer', grants: ['viewer:*'] });
    for (const call of [
      () => issue(viewer.secret, { name: 'sneaky', grants: ['viewer:finance'] }),
      () => revoke(viewer.secret, viewer.token?.tokenId ?? ''),
    ]) {
      const refused = await failureOf(call());
      expect(refused.error.code).toBe(status.PERMISSION_DENIED);
      expect(refused.error.details).toBe('this needs the admin role; the caller does not hold it');
    }
    expect((await whoAmI(viewer.secret)).subject).toBe('token:plain-viewer');
  });

  it("lets a tenant's admin grant only that tenant, and see only its tokens", async () => {
    const financeAdmin = await issue(adminToken, { name: 'fin-admin', grants: ['admin:finance'] });
    const research = await issue(adminToken, { name: 'res-reader', grants: ['viewer:research'] });
    const crossing = await failureOf(
      issue(financeAdmin.secret, { name: 'res-writer', grants: ['operator:research'] }),
    );
    expect(crossing.error.code).toBe(status.PERMISSION_DENIED);
    expect(crossing.detail?.code).toBe('FORBIDDEN');
    expect(crossing.error.details).toBe(
      'granting operator:research needs the admin role on tenant "research"',
    );
    const everywhere = await failureOf(
      issue(financeAdmin.secret, { name: 'all-reader', grants: ['viewer:*'] }),
    );
    expect(everywhere.error.code).toBe(status.PERMISSION_DENIED);

    await issue(financeAdmin.secret, { name: 'fin-operator', grants: ['operator:finance'] });
    const seen = (await list(financeAdmin.secret)).tokens.map((token) => token.name);
    expect(seen).toContain('fin-operator');
    expect(seen).not.toContain('res-reader');
    expect(seen).not.toContain('res-writer');
    const hidden = await failureOf(revoke(financeAdmin.secret, research.token?.tokenId ?? ''));
    expect(hidden.error.code).toBe(status.NOT_FOUND);
    expect(await whoAmI(research.secret)).toMatchObject({ subject: 'token:res-reader' });
  });

  it('names every bad field and changes nothing', async () => {
    const before = (await list(adminToken)).tokens;
    const bad = await failureOf(
      issue(adminToken, {
        name: 'Not A Name',
        grants: ['viewer:finance', 'root:finance'],
        expiresAt: '2001-01-01T00:00:00Z',
      }),
    );
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(bad.detail)).toEqual(['expires_at', 'grants[1]', 'name']);
    expect(bad.error.details).toBe('the request is invalid: name, grants[1], expires_at');
    const none = await failureOf(issue(adminToken, { name: 'no-grants', grants: [] }));
    expect(violatedFields(none.detail)).toEqual(['grants']);
    const unnamed = await failureOf(revoke(adminToken, ''));
    expect(violatedFields(unnamed.detail)).toEqual(['token_id']);
    expect((await list(adminToken)).tokens).toEqual(before);
  });

  it('is a conflict to reuse the name of an active token', async () => {
    await issue(adminToken, { name: 'twice', grants: ['viewer:finance'] });
    const again = await failureOf(issue(adminToken, { name: 'twice', grants: ['viewer:finance'] }));
    expect(again.error.code).toBe(status.ALREADY_EXISTS);
    expect(again.detail?.code).toBe('TOKEN_NAME_TAKEN');
  });
});

/** Every stored token row as text: what a leaked database would show. */
async function storedTokens(): Promise<string> {
  const connection = new pg.Client({ connectionString: database.url });
  await connection.connect();
  try {
    const { rows } = await connection.query<{ dump: string }>(
      `SELECT string_agg(t::text, ' ') AS dump FROM gateway.api_tokens t`,
    );
    return rows[0]?.dump ?? '';
  } finally {
    await connection.end();
  }
}
