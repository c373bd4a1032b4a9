import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { composer } from '@tessera/contracts';
import type { Role } from '../../../domain/access.js';
import { ComposerPlanningApi } from '../../../infrastructure/grpc/composer-planning-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requireTenantAccess, requireVisibleAccess } from '../auth/require-access.js';
import { idempotencyKeyOf } from '../compositions/idempotency-key.js';
import type { HttpResponse } from '../http-types.js';
import { type Page, pageOf, pageRequestOf } from '../paging.dto.js';
import { checkIfMatch, ifMatchHeader, versionEtag } from '../preconditions.js';
import { clientsToken } from '../tokens.js';
import { CancelLeaseBody, CreateLeaseBody, ListLeasesQuery } from './lease-bodies.dto.js';
import { leaseRejection } from './lease-rejection.js';
import { listedTenant } from '../auth/listed-tenant.js';
import { type LeaseResource, leaseResource } from './lease-resource.js';
import { planningSpecOf } from './planning-spec.dto.js';

/**
 * Leases: compositions of a spec held for a future window. Admission is decided at once: 201
 * with the capacity held, or 409 with why (the refusal is recorded too: GET shows it Rejected).
 */
@ApiTags('leases')
@Controller('v1/leases')
export class LeasesController {
  private readonly planning: ComposerPlanningApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.planning = new ComposerPlanningApi(clients);
  }

  @Post()
  @Requires('operator')
  @ApiOperation({ summary: 'Hold capacity for `count` compositions of a spec over a window' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: "A retry with the same key answers the first request's lease",
  })
  @ApiCreatedResponse({ description: 'Admitted: `status.held` is where each composition will be' })
  @ApiConflictResponse({ description: 'LEASE_REJECTED: not enough capacity or quota, and why' })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateLeaseBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<LeaseResource> {
    requireTenantAccess(caller, 'operator', body.tenant);
    caller.touch(body.tenant);
    const answer = await this.planning.createLease(caller.call, {
      tenant: body.tenant,
      name: body.name,
      spec: planningSpecOf(body.spec),
      count: body.count,
      start: body.start,
      end: body.end,
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
    });
    response.setHeader('Location', `/v1/leases/${encodeURIComponent(answer.leaseId)}`);
    if (answer.admission !== composer.LeaseAdmission.LEASE_ADMISSION_ADMITTED) {
      throw leaseRejection(answer);
    }
    return answered(await this.planning.getLease(caller.call, answer.leaseId), response);
  }

  @Get()
  @Requires('viewer')
  @ApiOperation({ summary: 'List leases, by id' })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListLeasesQuery,
  ): Promise<Page<LeaseResource>> {
    const tenant = listedTenant(caller, query.tenant);
    const answer = await this.planning.listLeases(caller.call, {
      tenant,
      status:
        query.phase === undefined
          ? composer.LeaseStatus.LEASE_STATUS_UNSPECIFIED
          : composer.leaseStatusFromJSON(`LEASE_STATUS_${query.phase.toUpperCase()}`),
      page: pageRequestOf(query),
    });
    return pageOf(answer.leases.map(leaseResource), answer.page);
  }

  @Get(':id')
  @Requires('viewer')
  @ApiOperation({
    summary: 'One lease: what it holds, or why it was refused; its ETag is its version',
  })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<LeaseResource> {
    return answered(await this.visibleLease(caller, id, 'viewer'), response);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires('operator')
  @ApiOperation({ summary: 'Cancel a lease before its start, releasing what it holds' })
  @ApiHeader(ifMatchHeader)
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CancelLeaseBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<LeaseResource> {
    return this.cancelLease(caller, id, { reason: body.reason, ifMatch }, response);
  }

  @Delete(':id')
  @Requires('operator')
  @ApiOperation({ summary: 'Cancel: the same as POST …/cancel without a reason' })
  @ApiHeader(ifMatchHeader)
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<LeaseResource> {
    return this.cancelLease(caller, id, { reason: undefined, ifMatch }, response);
  }

  /**
   * Cancelling twice changes nothing; once started it is 409 (LEASE_INVALID_TRANSITION); 412
   * when `If-Match` names a version the lease has moved past.
   */
  private async cancelLease(
    caller: Caller,
    id: string,
    request: { readonly reason: string | undefined; readonly ifMatch: string | undefined },
    response: HttpResponse,
  ): Promise<LeaseResource> {
    const lease = await this.visibleLease(caller, id, 'operator');
    checkIfMatch(request.ifMatch, lease.version);
    caller.touch(lease.tenant);
    await this.planning.cancelLease(caller.call, {
      leaseId: id,
      reason: request.reason ?? `requested by ${caller.principal.subject}`,
    });
    return answered(await this.planning.getLease(caller.call, id), response);
  }

  /** The lease, if the caller holds `role` on its tenant: 404 as if absent when it holds none. */
  private async visibleLease(caller: Caller, id: string, role: Role): Promise<composer.Lease> {
    const lease = await this.planning.getLease(caller.call, id);
    requireVisibleAccess(caller, role, lease.tenant, `lease "${id}"`);
    return lease;
  }
}

/** The lease as the API answers it, with its version as the ETag. */
function answered(lease: composer.Lease, response: HttpResponse): LeaseResource {
  response.setHeader('ETag', versionEtag(lease));
  return leaseResource(lease);
}
