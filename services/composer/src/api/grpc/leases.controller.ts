import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { pageFields } from '@tessera/api-kit';
import { composer } from '@tessera/contracts';
import {
  cancelLease,
  getLease,
  type LeaseDeps,
  type LeaseListing,
  listLeases,
  requestLease,
} from '../../application/leases/index.js';
import { InvalidQueryError } from '../../application/queries/index.js';
import { pageOf, sliceOf } from '../../application/queries/pagination.js';
import { timeOf } from './capacity-mapper.js';
import { commandContextOf, requiredText } from './command-context.js';
import { withFieldNames } from './field-errors.js';
import { leaseDepsToken } from './grpc-tokens.js';
import { leaseListingToken } from './lease-listing-token.js';
import {
  admissionResponseOf,
  leaseOf,
  leaseSpecInputOf,
  leaseStatusFilterOf,
} from './lease-mapper.js';
import { pageRequestOf, pageResponseOf } from './page-mapper.js';
import { specInputOf } from './spec-mapper.js';

const service = 'ComposerService';
/** The lease validator's names for what the request calls otherwise. */
const leaseFields = { window: 'end', requestedBy: 'metadata.x-actor', id: 'lease_id' };

/** Leases: ask for capacity over a window, read, list and cancel them. */
@Controller()
export class LeasesController {
  constructor(
    @Inject(leaseDepsToken) private readonly deps: LeaseDeps,
    @Inject(leaseListingToken) private readonly listing: LeaseListing,
  ) {}

  @GrpcMethod(service, 'CreateLease')
  async createLease(
    request: composer.CreateLeaseRequest,
    metadata: Metadata,
  ): Promise<composer.CreateLeaseResponse> {
    const context = commandContextOf(metadata);
    const start = timeOf(request.start, 'start').toISOString();
    const end = timeOf(request.end, 'end').toISOString();
    const command = {
      tenant: request.tenant,
      name: request.name,
      spec: leaseSpecInputOf(request, specInputOf(request.spec)),
      count: request.count,
      start,
      end,
      requestedBy: context.actor,
      ...(request.idempotencyKey === '' ? {} : { idempotencyKey: request.idempotencyKey }),
    };
    const admission = await withFieldNames(requestLease(this.deps, command, context), leaseFields);
    return admissionResponseOf(admission);
  }

  @GrpcMethod(service, 'GetLease')
  async getLease(request: composer.GetLeaseRequest): Promise<composer.GetLeaseResponse> {
    const leaseId = requiredText(request.leaseId, 'lease_id');
    return { lease: leaseOf(await getLease(this.deps, leaseId)) };
  }

  @GrpcMethod(service, 'ListLeases')
  async listLeases(request: composer.ListLeasesRequest): Promise<composer.ListLeasesResponse> {
    const status = leaseStatusFilterOf(request.status, 'status');
    const { slice, problems } = sliceOf(pageRequestOf(request.page));
    if (problems.length > 0) {
      throw new InvalidQueryError(
        problems.map((problem) => ({
          ...problem,
          field: pageFields[problem.field] ?? problem.field,
        })),
      );
    }
    const filter = {
      ...(request.tenant === '' ? {} : { tenant: request.tenant }),
      ...(status && { status }),
    };
    const found = await listLeases({ ...this.deps, listing: this.listing }, filter, slice);
    return { leases: found.items.map(leaseOf), page: pageResponseOf(pageOf(found)) };
  }

  @GrpcMethod(service, 'CancelLease')
  async cancelLease(
    request: composer.CancelLeaseRequest,
    metadata: Metadata,
  ): Promise<composer.CancelLeaseResponse> {
    const leaseId = requiredText(request.leaseId, 'lease_id');
    const reason = requiredText(request.reason, 'reason');
    await cancelLease(this.deps, leaseId, reason, commandContextOf(metadata));
    return { leaseId, status: composer.LeaseStatus.LEASE_STATUS_CANCELLED };
  }
}
