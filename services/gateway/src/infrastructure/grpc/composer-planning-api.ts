import type { composer } from '@tessera/contracts';
import type { ServiceClients } from './service-clients.js';
import { type CallContext, unaryCall } from './unary.js';

/**
 * The composer's planning RPCs (templates, capacity, leases, quotas) as promises, each call
 * carrying the caller. Unlike compositions, templates and leases are read from their own event
 * streams, so a read right after a command sees it.
 */
export class ComposerPlanningApi {
  private readonly client: composer.ComposerServiceClient;

  constructor(clients: ServiceClients) {
    this.client = clients.composer;
  }

  defineTemplate(context: CallContext, request: composer.DefineTemplateRequest) {
    return unaryCall<composer.DefineTemplateResponse>(context, (m, o, cb) =>
      this.client.defineTemplate(request, m, o, cb),
    );
  }

  async getTemplate(
    context: CallContext,
    request: composer.GetTemplateRequest,
  ): Promise<composer.Template> {
    const response = await unaryCall<composer.GetTemplateResponse>(context, (m, o, cb) =>
      this.client.getTemplate(request, m, o, cb),
    );
    if (response.template === undefined) {
      throw new Error(`GetTemplate answered ${request.name} without a template`);
    }
    return response.template;
  }

  listTemplates(context: CallContext) {
    return unaryCall<composer.ListTemplatesResponse>(context, (m, o, cb) =>
      this.client.listTemplates({}, m, o, cb),
    );
  }

  retireTemplate(context: CallContext, request: composer.RetireTemplateRequest) {
    return unaryCall<composer.RetireTemplateResponse>(context, (m, o, cb) =>
      this.client.retireTemplate(request, m, o, cb),
    );
  }

  capacity(context: CallContext, request: composer.GetCapacityRequest) {
    return unaryCall<composer.GetCapacityResponse>(context, (m, o, cb) =>
      this.client.getCapacity(request, m, o, cb),
    );
  }

  capacityTimeline(context: CallContext, request: composer.GetCapacityTimelineRequest) {
    return unaryCall<composer.GetCapacityTimelineResponse>(context, (m, o, cb) =>
      this.client.getCapacityTimeline(request, m, o, cb),
    );
  }

  createLease(context: CallContext, request: composer.CreateLeaseRequest) {
    return unaryCall<composer.CreateLeaseResponse>(context, (m, o, cb) =>
      this.client.createLease(request, m, o, cb),
    );
  }

  async getLease(context: CallContext, leaseId: string): Promise<composer.Lease> {
    const response = await unaryCall<composer.GetLeaseResponse>(context, (m, o, cb) =>
      this.client.getLease({ leaseId }, m, o, cb),
    );
    if (response.lease === undefined) {
      throw new Error(`GetLease answered ${leaseId} without a lease`);
    }
    return response.lease;
  }

  listLeases(context: CallContext, request: composer.ListLeasesRequest) {
    return unaryCall<composer.ListLeasesResponse>(context, (m, o, cb) =>
      this.client.listLeases(request, m, o, cb),
    );
  }

  cancelLease(context: CallContext, request: composer.CancelLeaseRequest) {
    return unaryCall<composer.CancelLeaseResponse>(context, (m, o, cb) =>
      this.client.cancelLease(request, m, o, cb),
    );
  }

  async setQuota(context: CallContext, quota: composer.TenantQuota): Promise<composer.TenantQuota> {
    const response = await unaryCall<composer.SetQuotaResponse>(context, (m, o, cb) =>
      this.client.setQuota({ quota }, m, o, cb),
    );
    if (response.quota === undefined) {
      throw new Error(`SetQuota answered ${quota.tenant}/${quota.kind} without the quota`);
    }
    return response.quota;
  }

  listQuotas(context: CallContext, request: composer.ListQuotasRequest) {
    return unaryCall<composer.ListQuotasResponse>(context, (m, o, cb) =>
      this.client.listQuotas(request, m, o, cb),
    );
  }

  removeQuota(context: CallContext, request: composer.RemoveQuotaRequest) {
    return unaryCall<composer.RemoveQuotaResponse>(context, (m, o, cb) =>
      this.client.removeQuota(request, m, o, cb),
    );
  }
}
