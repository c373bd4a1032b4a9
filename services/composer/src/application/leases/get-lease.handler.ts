import { type Assignment, LeaseNotFoundError, type LeaseStatus } from '@tessera/composer-domain';
import type { LeaseDeps } from './lease-deps.js';

/** A lease as the API shows it (never the aggregate itself). */
export interface LeaseView {
  readonly leaseId: string;
  readonly tenant: string;
  readonly name: string;
  readonly status: LeaseStatus;
  readonly start: string;
  readonly end: string;
  readonly count: number;
  /** Per composition, the host and devices held for the window. */
  readonly held: readonly Assignment[];
  readonly compositionIds: readonly string[];
  readonly endingSoonWarned: boolean;
  /** Why it was rejected or cancelled. */
  readonly reason?: string;
  /** The version of its event stream: each step of the lease adds one. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The lease with its held capacity; `LeaseNotFoundError` when there is none. */
export async function getLease(
  deps: Pick<LeaseDeps, 'leases'>,
  leaseId: string,
): Promise<LeaseView> {
  const { state, version, createdAt = '', updatedAt = '' } = await deps.leases.load(leaseId);
  if (state.status === 'absent') throw new LeaseNotFoundError(leaseId);
  return {
    leaseId: state.id,
    tenant: state.tenant,
    name: state.name,
    status: state.status,
    start: state.start,
    end: state.end,
    count: state.count,
    held: state.held,
    compositionIds: state.compositionIds,
    endingSoonWarned: state.warned,
    ...(state.reason === undefined ? {} : { reason: state.reason }),
    version,
    createdAt,
    updatedAt,
  };
}
