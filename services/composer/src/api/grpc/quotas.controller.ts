import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { invalidArgument } from '@tessera/api-kit';
import type { TenantQuotaUsage } from '@tessera/composer-domain';
import type { composer } from '@tessera/contracts';
import {
  listTenantQuotas,
  type QuotaDeps,
  removeTenantQuota,
  setTenantQuota,
} from '../../application/quotas/index.js';
import { requiredText } from './command-context.js';
import { withFieldNames } from './field-errors.js';
import { quotaDepsToken } from './grpc-tokens.js';

const service = 'ComposerService';

/** Tenant quotas per device kind: set, list with current usage, remove. */
@Controller()
export class QuotasController {
  constructor(@Inject(quotaDepsToken) private readonly deps: QuotaDeps) {}

  @GrpcMethod(service, 'SetQuota')
  async setQuota(request: composer.SetQuotaRequest): Promise<composer.SetQuotaResponse> {
    const quota = request.quota;
    if (quota === undefined) throw invalidArgument('quota', 'is required');
    const command = { tenant: quota.tenant, kind: quota.kind, maxDevices: quota.maxDevices };
    const stored = await withFieldNames(setTenantQuota(this.deps, command), {
      tenant: 'quota.tenant',
      kind: 'quota.kind',
      maxDevices: 'quota.max_devices',
    });
    return { quota: quotaOf(stored) };
  }

  @GrpcMethod(service, 'ListQuotas')
  async listQuotas(request: composer.ListQuotasRequest): Promise<composer.ListQuotasResponse> {
    const tenant = request.tenant.trim();
    const quotas = await listTenantQuotas(this.deps, tenant === '' ? undefined : tenant);
    return { quotas: quotas.map(quotaOf) };
  }

  @GrpcMethod(service, 'RemoveQuota')
  async removeQuota(request: composer.RemoveQuotaRequest): Promise<composer.RemoveQuotaResponse> {
    const tenant = requiredText(request.tenant, 'tenant');
    const kind = requiredText(request.kind, 'kind');
    return { removed: await removeTenantQuota(this.deps, tenant, kind) };
  }
}

function quotaOf(quota: TenantQuotaUsage): composer.TenantQuota {
  return {
    tenant: quota.tenant,
    kind: quota.kind,
    maxDevices: quota.maxDevices,
    inUse: quota.inUse,
  };
}
