import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
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
import { PostgresEventFeed } from '../../../infrastructure/feed/postgres-event-feed.js';

const adminToken = 'bootstrap-admin-secret-0123456789';

let database: TestDatabase;
let pool: pg.Pool;
let running: RunningGateway;
let client: gateway.GatewayServiceClient;
let financeOperator: string;
let financeViewer: string;

const issue = (name: string, grants: string[]) =>
  unary<gateway.IssueTokenResponse>(
    (m, cb) => client.issueToken({ name, grants }, m, cb),
    bearer(adminToken),
  );
const audit = (token: string, request: Partial<gateway.ListAuditRequest> = {}) =>
  unary<gateway.ListAuditResponse>(
    (m, cb) => client.listAudit(gateway.ListAuditRequest.fromPartial(request), m, cb),
    bearer(token),
  );

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'gateway_grpc_reads' });
  running = await startLoneGateway(database, adminToken);
  pool = new pg.Pool({ connectionString: database.url });
  client = gatewayClient(running.grpcUrl);
  // Five audited commands on finance, two on research, one on every tenant.
  financeOperator = (await issue('fin-ops', ['operator:finance'])).secret;
  financeViewer = (await issue('fin-viewer', ['viewer:finance'])).secret;
  for (const name of ['fin-a', 'fin-b', 'fin-c']) await issue(name, ['viewer:finance']);
  for (const name of ['res-a', 'res-b']) await issue(name, ['viewer:research']);
  await issue('everywhere', ['viewer:*']);
  await feedAppend([
    feedEvent('composition', 'finance'),
    feedEvent('device', undefined),
    feedEvent('composition', 'research'),
    feedEvent('lease', 'finance'),
    feedEvent('composition', 'finance'),
  ]);
});

afterAll(async () => {
  client.close();
  await running.close();
  await pool.end();
  await database.drop();
});

describe('ListAudit', () => {
  it("shows an operator its tenant's entries only, and the platform admin every entry", async () => {
    // Audit entries are written once the answer went out: wait for the last one.
    await until(async () => (await audit(adminToken)).entries.length >= 8);
    const finance = await audit(financeOperator);
    expect(finance.entries.map((entry) => entry.tenant)).toEqual(Array(5).fill('finance'));
    expect(finance.entries[0]).toMatchObject({
      actor: 'token:bootstrap-admin',
      action: 'gRPC /tessera.gateway.v1.GatewayService/IssueToken',
      outcome: 200,
    });
    const tenants = (await audit(adminToken)).entries.map((entry) => entry.tenant);
    expect(new Set(tenants)).toEqual(new Set(['finance', 'research', '*']));
  });

  it('refuses a tenant the caller does not operate, and a caller that operates none', async () => {
    const other = await failureOf(audit(financeOperator, { tenant: 'research' }));
    expect(other.error.code).toBe(status.PERMISSION_DENIED);
    expect(other.error.details).toBe('this needs the operator role on tenant "research"');
    const viewer = await failureOf(audit(financeViewer));
    expect(viewer.error.code).toBe(status.PERMISSION_DENIED);
    expect(viewer.error.details).toBe('this needs the operator role; the caller does not hold it');
  });

  it('pages with a cursor, oldest first, with nothing repeated or skipped', async () => {
    const whole = (await audit(adminToken, { tenant: 'finance' })).entries;
    const paged: gateway.AuditEntry[] = [];
    let pageToken = '';
    do {
      const page = await audit(financeOperator, { page: { pageSize: 2, pageToken } });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      paged.push(...page.entries);
      pageToken = page.page?.nextPageToken ?? '';
    } while (pageToken !== '');
    expect(paged).toEqual(whole);
    expect(whole).toHaveLength(5);
  });

  it('records refused commands too, and no reads', async () => {
    const refused = await failureOf(
      unary(
        (m, cb) => client.issueToken({ name: 'by-operator', grants: ['viewer:finance'] }, m, cb),
        bearer(financeOperator),
      ),
    );
    expect(refused.error.code).toBe(status.PERMISSION_DENIED);
    await unary((m, cb) => client.whoAmI({}, m, cb), bearer(financeOperator));
    const byOperator = async () =>
      (await audit(adminToken, { actor: 'token:fin-ops' })).entries.map((entry) => ({
        tenant: entry.tenant,
        resource: entry.resource,
        outcome: entry.outcome,
      }));
    await until(async () => (await byOperator()).length > 0);
    expect(await byOperator()).toEqual([
      { tenant: '*', resource: '/tessera.gateway.v1.GatewayService/IssueToken', outcome: 403 },
    ]);
  });

  it('names a bad page token or size', async () => {
    const bad = await failureOf(audit(adminToken, { page: { pageSize: -1, pageToken: 'x' } }));
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(bad.detail)).toEqual(['page.page_size', 'page.page_token']);
  });
});

describe('WatchEvents', () => {
  const kindsAndTenants = (answers: gateway.WatchEventsResponse[]) =>
    answers.map((answer) => `${answer.event?.kind ?? ''}:${answer.event?.tenant ?? '-'}`);

  it("sends a viewer its tenants' and the shared events recorded so far, then ends", async () => {
    const seen = await watchedEvents(client, {}, bearer(financeViewer));
    expect(kindsAndTenants(seen)).toEqual([
      'composition:finance',
      'device:-',
      'lease:finance',
      'composition:finance',
    ]);
    expect(JSON.parse(seen[0]?.event?.dataJson ?? '')).toEqual({ n: 1 });
  });

  it('filters by kind and tenant, and resumes after a position', async () => {
    const auth = bearer(financeViewer);
    const compositions = await watchedEvents(client, { kinds: ['composition'] }, auth);
    expect(kindsAndTenants(compositions)).toEqual(['composition:finance', 'composition:finance']);
    const tenantOnly = await watchedEvents(client, { tenant: 'finance' }, auth);
    expect(kindsAndTenants(tenantOnly)).toEqual([
      'composition:finance',
      'lease:finance',
      'composition:finance',
    ]);
    const resumed = await watchedEvents(client, { after: tenantOnly[0]?.position ?? '' }, auth);
    expect(kindsAndTenants(resumed)).toEqual(['device:-', 'lease:finance', 'composition:finance']);
  });

  it('refuses a tenant the caller holds nothing on, and names bad fields', async () => {
    const other = await failureOf(
      watchedEvents(client, { tenant: 'research' }, bearer(financeViewer)),
    );
    expect(other.error.code).toBe(status.PERMISSION_DENIED);
    expect(other.error.details).toBe('this needs the viewer role on tenant "research"');
    const bad = await failureOf(
      watchedEvents(client, { kinds: ['Composition'], after: 'nope' }, bearer(financeViewer)),
    );
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(bad.detail)).toEqual(['after', 'kinds[0]']);
  });

  it('follows: sends an event appended while it waits', async () => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${financeViewer}`);
    const stream = client.watchEvents(
      { kinds: ['lease'], tenant: '', after: '', follow: true },
      metadata,
    );
    const leases: string[] = [];
    const second = new Promise<void>((resolve) => {
      stream.on('data', (answer: gateway.WatchEventsResponse) => {
        leases.push(answer.event?.tenant ?? '-');
        if (leases.length === 2) resolve();
      });
    });
    stream.on('error', () => undefined);
    await feedAppend([feedEvent('lease', 'finance')]);
    await second;
    stream.cancel();
    expect(leases).toEqual(['finance', 'finance']);
  });

  it('ends a following stream when the gateway stops, so that stopping does not wait on it', async () => {
    const second = await startLoneGateway(database, adminToken);
    const secondClient = gatewayClient(second.grpcUrl);
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${financeViewer}`);
    const stream = secondClient.watchEvents(
      { kinds: [], tenant: '', after: '', follow: true },
      metadata,
    );
    let received = 0;
    stream.on('data', () => (received += 1));
    const ended = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    // It sent what there was and now waits for more.
    const recorded = (await watchedEvents(client, {}, bearer(financeViewer))).length;
    await until(() => Promise.resolve(received === recorded));
    await second.close();
    await ended;
    secondClient.close();
  });
});

let eventCount = 0;

function feedEvent(kind: string, tenant: string | undefined) {
  eventCount += 1;
  return {
    id: randomUUID(),
    topic: 'tessera.composer.events.v1',
    type: `tessera.test.v1.Something${kind}`,
    kind,
    streamId: `${kind}-${randomUUID()}`,
    streamVersion: 1,
    tenant,
    payloadTenant: undefined,
    shared: tenant === undefined,
    actor: 'token:test',
    recordedAt: new Date().toISOString(),
    data: { n: eventCount },
  };
}

function feedAppend(events: ReturnType<typeof feedEvent>[]): Promise<void> {
  return new PostgresEventFeed(pool).append(events);
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 50; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition did not hold within 5 s');
}
