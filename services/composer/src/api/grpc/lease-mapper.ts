import { invalidArgument } from '@tessera/api-kit';
import type { LeaseStatus } from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';
import type { LeaseAdmission, LeaseView } from '../../application/leases/index.js';
import { groupDevicesOf } from './composition-mapper.js';

const { LeaseAdmission: Admission, LeaseStatus: Status } = composer;

const statuses = {
  requested: Status.LEASE_STATUS_REQUESTED,
  admitted: Status.LEASE_STATUS_ADMITTED,
  rejected: Status.LEASE_STATUS_REJECTED,
  started: Status.LEASE_STATUS_STARTED,
  ended: Status.LEASE_STATUS_ENDED,
  cancelled: Status.LEASE_STATUS_CANCELLED,
} as const satisfies Record<LeaseStatus, composer.LeaseStatus>;

export function leaseStatusOf(status: LeaseStatus): composer.LeaseStatus {
  return statuses[status];
}

/** A status filter: UNSPECIFIED is no filter; an unknown value is INVALID_ARGUMENT on `field`. */
export function leaseStatusFilterOf(
  status: composer.LeaseStatus,
  field: string,
): LeaseStatus | undefined {
  if (status === Status.LEASE_STATUS_UNSPECIFIED) return undefined;
  const found = (Object.keys(statuses) as LeaseStatus[]).find((key) => statuses[key] === status);
  if (found === undefined) throw invalidArgument(field, `${String(status)} is not a lease status`);
  return found;
}

/** A lease as the API shows it. */
export function leaseOf(view: LeaseView): composer.Lease {
  return {
    leaseId: view.leaseId,
    tenant: view.tenant,
    name: view.name,
    status: leaseStatusOf(view.status),
    start: view.start,
    end: view.end,
    count: view.count,
    held: placementsOf(view.held),
    compositionIds: [...view.compositionIds],
    endingSoonWarned: view.endingSoonWarned,
    reason: view.reason ?? '',
    version: view.version,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

export function admissionResponseOf(admission: LeaseAdmission): composer.CreateLeaseResponse {
  if (admission.outcome === 'admitted') {
    return {
      leaseId: admission.leaseId,
      admission: Admission.LEASE_ADMISSION_ADMITTED,
      held: placementsOf(admission.held),
      reason: '',
      shortfalls: [],
    };
  }
  return {
    leaseId: admission.leaseId,
    admission: Admission.LEASE_ADMISSION_REJECTED,
    held: [],
    reason: admission.reason,
    shortfalls: admission.shortfalls.map(({ composition, group, why }) => ({
      composition,
      group,
      why,
    })),
  };
}

function placementsOf(held: LeaseView['held']): composer.Placement[] {
  return held.map(({ hostId, groups }) => ({ hostId, groups: groupDevicesOf(groups) }));
}

/**
 * The spec of a lease request as `resolveSpec` reads it: the request's spec, with the lease's
 * name and tenant where the spec leaves them empty (so that a template reference needs neither).
 */
export function leaseSpecInputOf(
  request: Pick<composer.CreateLeaseRequest, 'name' | 'tenant'>,
  input: unknown,
): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { name, tenant, ...rest } = input as Record<string, unknown>;
  const given = (value: unknown, fallback: string) =>
    value !== undefined && value !== '' ? value : fallback === '' ? undefined : fallback;
  const leaseName = given(name, request.name);
  const leaseTenant = given(tenant, request.tenant);
  return {
    ...rest,
    ...(leaseName === undefined ? {} : { name: leaseName }),
    ...(leaseTenant === undefined ? {} : { tenant: leaseTenant }),
  };
}
