import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComposerPlanningApi } from '../../../infrastructure/grpc/composer-planning-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requirePlatformAccess } from '../auth/require-access.js';
import { ApiProblem } from '../problem.js';
import { clientsToken } from '../tokens.js';
import { listedTenant } from '../auth/listed-tenant.js';
import {
  ListQuotasQuery,
  QuotaPath,
  type QuotaResource,
  quotaResource,
  SetQuotaBody,
} from './quota-bodies.dto.js';

/**
 * Quotas: the most devices of a kind a tenant may hold. A tenant's viewers read its quotas;
 * only a platform admin (admin on `*`) sets or removes one, so that a tenant's own admin cannot
 * raise its limit.
 */
@ApiTags('quotas')
@Controller('v1/quotas')
export class QuotasController {
  private readonly planning: ComposerPlanningApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.planning = new ComposerPlanningApi(clients);
  }

  @Get()
  @Requires('viewer')
  @ApiOperation({ summary: "A tenant's quotas (every tenant's for a platform viewer), with usage" })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListQuotasQuery,
  ): Promise<{ items: QuotaResource[] }> {
    const tenant = listedTenant(caller, query.tenant);
    const answer = await this.planning.listQuotas(caller.call, { tenant });
    return { items: answer.quotas.map(quotaResource) };
  }

  @Put(':tenant/:kind')
  @Requires('admin')
  @ApiOperation({
    summary: "Set a tenant's quota of a kind (platform admin); lowering it takes nothing away",
  })
  async set(
    @CurrentCaller() caller: Caller,
    @Param() path: QuotaPath,
    @Body() body: SetQuotaBody,
  ): Promise<QuotaResource> {
    requirePlatformAccess(caller, 'admin');
    caller.touch(path.tenant);
    const quota = await this.planning.setQuota(caller.call, {
      tenant: path.tenant,
      kind: path.kind,
      maxDevices: body.maxDevices,
      inUse: 0,
    });
    return quotaResource(quota);
  }

  @Delete(':tenant/:kind')
  @HttpCode(204)
  @Requires('admin')
  @ApiOperation({ summary: "Remove a tenant's quota of a kind: no limit (platform admin)" })
  @ApiNoContentResponse({ description: 'Removed; 404 QUOTA_NOT_FOUND when there was none' })
  async remove(@CurrentCaller() caller: Caller, @Param() path: QuotaPath): Promise<void> {
    requirePlatformAccess(caller, 'admin');
    caller.touch(path.tenant);
    const answer = await this.planning.removeQuota(caller.call, {
      tenant: path.tenant,
      kind: path.kind,
    });
    if (!answer.removed) {
      throw new ApiProblem(
        404,
        'QUOTA_NOT_FOUND',
        `tenant "${path.tenant}" has no quota of ${path.kind}`,
      );
    }
  }
}
