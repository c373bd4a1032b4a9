import { composer } from '@tessera/contracts';
import { enumName } from '../enum-names.js';

const { LeaseStatus } = composer;

/** A lease condition, as Kubernetes-style consoles read them. */
export interface LeaseCondition {
  /** Admitted: capacity was held for the window. Started: its compositions were composed. */
  readonly type: 'Admitted' | 'Started';
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
}

/** A lease as the API answers it: what was asked (`spec`) and where it stands (`status`). */
export interface LeaseResource {
  readonly id: string;
  readonly tenant: string;
  readonly spec: {
    readonly name: string;
    readonly count: number;
    readonly start: string | undefined;
    readonly end: string | undefined;
  };
  readonly status: {
    readonly phase: string;
    /** Rejected or Cancelled: why. */
    readonly reason: string | undefined;
    readonly conditions: readonly LeaseCondition[];
    /** Per composition, the host and devices held for the window. */
    readonly held: readonly composer.Placement[];
    /** From Started on: the compositions composed on the held devices. */
    readonly compositionIds: readonly string[];
    readonly endingSoonWarned: boolean;
  };
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
  /** Each step of the lease adds one: its ETag. */
  readonly version: number;
}

function leasePhaseName(status: composer.LeaseStatus): string {
  return enumName(composer.leaseStatusToJSON(status), 'LEASE_STATUS_', 'pascal');
}

export function leaseResource(lease: composer.Lease): LeaseResource {
  const phase = leasePhaseName(lease.status);
  const progress = progressOf(lease.status);
  return {
    id: lease.leaseId,
    tenant: lease.tenant,
    spec: { name: lease.name, count: lease.count, start: lease.start, end: lease.end },
    status: {
      phase,
      reason: lease.reason === '' ? undefined : lease.reason,
      conditions: [
        {
          type: 'Admitted',
          status: progress.admitted ? 'True' : 'False',
          reason: phase,
          message: lease.reason,
        },
        {
          type: 'Started',
          status: progress.started ? 'True' : 'False',
          reason: phase,
          message: progress.started ? `${lease.compositionIds.length} composition(s) composed` : '',
        },
      ],
      held: lease.held.map(({ hostId, groups }) => ({ hostId, groups })),
      compositionIds: lease.compositionIds,
      endingSoonWarned: lease.endingSoonWarned,
    },
    createdAt: lease.createdAt,
    updatedAt: lease.updatedAt,
    version: lease.version,
  };
}

/** Whether the lease got its capacity, and whether its window began. */
function progressOf(status: composer.LeaseStatus): { admitted: boolean; started: boolean } {
  switch (status) {
    case LeaseStatus.LEASE_STATUS_ADMITTED:
      return { admitted: true, started: false };
    case LeaseStatus.LEASE_STATUS_STARTED:
    case LeaseStatus.LEASE_STATUS_ENDED:
      return { admitted: true, started: true };
    // Cancelled before its start: the holds are released, so it no longer holds capacity.
    case LeaseStatus.LEASE_STATUS_CANCELLED:
    case LeaseStatus.LEASE_STATUS_REJECTED:
    case LeaseStatus.LEASE_STATUS_REQUESTED:
    case LeaseStatus.LEASE_STATUS_UNSPECIFIED:
    case LeaseStatus.UNRECOGNIZED:
      return { admitted: false, started: false };
    default: {
      const unknown: never = status;
      throw new Error(`lease status ${String(unknown)} is not handled`);
    }
  }
}
