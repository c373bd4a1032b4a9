import { credentials } from '@grpc/grpc-js';
import { unary } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';

/** ComposerService's template, capacity, lease and quota RPCs as promises, over one insecure client. */
export function planningCalls(address: string) {
  const client = new composer.ComposerServiceClient(address, credentials.createInsecure());
  return {
    close: () => {
      client.close();
    },
    defineTemplate: (request: composer.DefineTemplateRequest) =>
      unary<composer.DefineTemplateResponse>((m, cb) => client.defineTemplate(request, m, cb), {
        'x-actor': 'user:alice',
      }),
    getTemplate: (request: composer.GetTemplateRequest) =>
      unary<composer.GetTemplateResponse>((m, cb) => client.getTemplate(request, m, cb)),
    listTemplates: () =>
      unary<composer.ListTemplatesResponse>((m, cb) => client.listTemplates({}, m, cb)),
    retireTemplate: (request: composer.RetireTemplateRequest) =>
      unary<composer.RetireTemplateResponse>((m, cb) => client.retireTemplate(request, m, cb)),
    capacity: (request: composer.GetCapacityRequest) =>
      unary<composer.GetCapacityResponse>((m, cb) => client.getCapacity(request, m, cb)),
    timeline: (request: composer.GetCapacityTimelineRequest) =>
      unary<composer.GetCapacityTimelineResponse>((m, cb) =>
        client.getCapacityTimeline(request, m, cb),
      ),
    /** Without a key unless the request gives one. */
    createLease: (
      request: Omit<composer.CreateLeaseRequest, 'idempotencyKey'> & { idempotencyKey?: string },
    ) =>
      unary<composer.CreateLeaseResponse>((m, cb) =>
        client.createLease({ idempotencyKey: '', ...request }, m, cb),
      ),
    getLease: (leaseId: string) =>
      unary<composer.GetLeaseResponse>((m, cb) => client.getLease({ leaseId }, m, cb)),
    listLeases: (request: Partial<composer.ListLeasesRequest>) =>
      unary<composer.ListLeasesResponse>((m, cb) =>
        client.listLeases(
          { tenant: '', status: composer.LeaseStatus.LEASE_STATUS_UNSPECIFIED, ...request },
          m,
          cb,
        ),
      ),
    cancelLease: (request: composer.CancelLeaseRequest) =>
      unary<composer.CancelLeaseResponse>((m, cb) => client.cancelLease(request, m, cb)),
    setQuota: (request: composer.SetQuotaRequest) =>
      unary<composer.SetQuotaResponse>((m, cb) => client.setQuota(request, m, cb)),
    listQuotas: (tenant = '') =>
      unary<composer.ListQuotasResponse>((m, cb) => client.listQuotas({ tenant }, m, cb)),
    removeQuota: (request: composer.RemoveQuotaRequest) =>
      unary<composer.RemoveQuotaResponse>((m, cb) => client.removeQuota(request, m, cb)),
  };
}

export type PlanningCalls = ReturnType<typeof planningCalls>;

/** A group override or group of a request: only `name` and what is given. */
export function groupOf(
  fields: Partial<composer.DeviceGroup> & { readonly name: string },
): composer.DeviceGroup {
  return { kind: '', count: 0, selectors: [], labels: {}, alternatives: [], ...fields };
}

/** A spec that only names a template (with parameters), plus the overrides given. */
export function templateSpec(
  template: composer.TemplateReference,
  overrides: Partial<composer.CompositionSpec> = {},
): composer.CompositionSpec {
  return { name: '', tenant: '', labels: {}, groups: [], template, ...overrides };
}
