import { credentials, status } from '@grpc/grpc-js';
import {
  failureOf,
  healthStatus,
  reflectionListServices,
  unary,
} from '@tessera/api-kit/test-support';
import { composer, gateway, inventory } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

let plane: ControlPlane;
let composerClient: composer.ComposerServiceClient;
let inventoryClient: inventory.InventoryServiceClient;
let gatewayClient: gateway.GatewayServiceClient;
let financeToken: string;
let researchToken: string;
let viewerToken: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const serverSpec = (tenant: string): composer.CompositionSpec =>
  composer.CompositionSpec.fromPartial({
    name: 'grpc-server',
    tenant,
    hostSelector: {},
    groups: [
      { name: 'gpus', kind: 'gpu', count: 2 },
      { name: 'disks', kind: 'nvme', count: 4 },
    ],
  });

beforeAll(async () => {
  plane = await startControlPlane('e2e-grpc');
  const grpcUrl = plane.standalone.grpcUrl;
  composerClient = new composer.ComposerServiceClient(grpcUrl, credentials.createInsecure());
  inventoryClient = new inventory.InventoryServiceClient(grpcUrl, credentials.createInsecure());
  gatewayClient = new gateway.GatewayServiceClient(grpcUrl, credentials.createInsecure());
  financeToken = (await plane.clientWith('operator:finance')).token ?? '';
  researchToken = (await plane.clientWith('operator:research')).token ?? '';
  viewerToken = (await plane.clientWith('viewer:finance')).token ?? '';
});

afterAll(async () => {
  composerClient.close();
  inventoryClient.close();
  gatewayClient.close();
  await plane.close();
});

const create = (token: string, tenant: string, key: string) =>
  unary<composer.CreateCompositionResponse>(
    (m, cb) =>
      composerClient.createComposition({ spec: serverSpec(tenant), idempotencyKey: key }, m, cb),
    bearer(token),
  );

const get = (token: string, compositionId: string) =>
  unary<composer.GetCompositionResponse>(
    (m, cb) => composerClient.getComposition({ compositionId }, m, cb),
    bearer(token),
  );

describe('the public gRPC API', () => {
  it('composes through the same ComposerService contract, with a bearer token', async () => {
    const created = await create(financeToken, 'finance', 'grpc-1');
    const ready = await eventually(
      () => get(financeToken, created.compositionId).catch(() => undefined),
      (answer) =>
        answer?.composition?.status?.phase === composer.CompositionPhase.COMPOSITION_PHASE_READY,
    );
    expect(ready?.composition?.tenant).toBe('finance');
  });

  it('lists the shared hardware to any grant', async () => {
    const gpus = await unary<inventory.ListDevicesResponse>(
      (m, cb) =>
        inventoryClient.listDevices(
          { filterExpression: 'kind=gpu', page: { pageSize: 5, pageToken: '' } },
          m,
          cb,
        ),
      bearer(researchToken),
    );
    expect(gpus.devices.length).toBeGreaterThan(0);
  });

  it('refuses without a token, hides another tenant, and keeps viewers from writing', async () => {
    const created = await create(financeToken, 'finance', 'grpc-2');
    const anonymous = await failureOf(
      unary((m, cb) =>
        composerClient.getComposition({ compositionId: created.compositionId }, m, cb),
      ),
    );
    expect(anonymous.error.code).toBe(status.UNAUTHENTICATED);
    const hidden = await failureOf(get(researchToken, created.compositionId));
    expect(hidden.error.code).toBe(status.NOT_FOUND);
    const crossTenant = await failureOf(create(researchToken, 'finance', 'grpc-3'));
    expect(crossTenant.error.code).toBe(status.PERMISSION_DENIED);
    const viewerWrite = await failureOf(create(viewerToken, 'finance', 'grpc-4'));
    expect(viewerWrite.error.code).toBe(status.PERMISSION_DENIED);
    const cordon = await failureOf(
      unary(
        (m, cb) =>
          inventoryClient.cordonItem(
            { kind: inventory.ItemKind.ITEM_KIND_DEVICE, id: 'any', reason: 'x' },
            m,
            cb,
          ),
        bearer(financeToken),
      ),
    );
    expect(cordon.error.code).toBe(status.PERMISSION_DENIED);
  });

  it("passes a service's own refusal on unchanged, with its ErrorDetail", async () => {
    const bad = await failureOf(
      unary(
        (m, cb) =>
          composerClient.createComposition(
            {
              spec: composer.CompositionSpec.fromPartial({
                name: 'bad',
                tenant: 'finance',
                groups: [{ name: 'g', kind: 'warp-drive', count: 1 }],
              }),
              idempotencyKey: 'grpc-bad',
            },
            m,
            cb,
          ),
        bearer(financeToken),
      ),
    );
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.detail?.fieldViolations.map((violation) => violation.field)).toContain(
      'spec.groups[0].kind',
    );
  });

  it('offers server reflection and the standard health service', async () => {
    const grpcUrl = plane.standalone.grpcUrl;
    expect(await healthStatus(grpcUrl, '')).toBe('SERVING');
    expect(await healthStatus(grpcUrl, 'tessera.composer.v1.ComposerService')).toBe('SERVING');
    const services = await reflectionListServices(grpcUrl);
    expect(services).toContain('tessera.inventory.v1.InventoryService');
    expect(services).toContain('tessera.composer.v1.ComposerService');
    expect(services).toContain('grpc.health.v1.Health');
  });

  it("serves the gateway's own GatewayService beside the forwarded ones", async () => {
    const me = await unary<gateway.WhoAmIResponse>(
      (m, cb) => gatewayClient.whoAmI({}, m, cb),
      bearer(financeToken),
    );
    expect(me.grants).toEqual(['operator:finance']);
    expect(me.visibleTenants).toEqual(['finance']);
    const tokens = await unary<gateway.ListTokensResponse>(
      (m, cb) => gatewayClient.listTokens({}, m, cb),
      bearer(plane.adminToken),
    );
    expect(tokens.tokens.map((token) => token.name)).toContain(me.subject.replace('token:', ''));
    expect(JSON.stringify(tokens)).not.toContain(financeToken);
    const grpcUrl = plane.standalone.grpcUrl;
    expect(await healthStatus(grpcUrl, 'tessera.gateway.v1.GatewayService')).toBe('SERVING');
    expect(await reflectionListServices(grpcUrl)).toContain('tessera.gateway.v1.GatewayService');
  });
});
