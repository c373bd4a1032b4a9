import type { Assignment } from '../composition/index.js';
import type { CompositionSpec } from '../spec/index.js';
import type { LeaseShortfall } from './lease-facts.js';

export const leaseStatuses = [
  'requested',
  'admitted',
  'rejected',
  'started',
  'ended',
  'cancelled',
] as const;
export type LeaseStatus = (typeof leaseStatuses)[number];

export interface Lease {
  readonly status: LeaseStatus;
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly spec: CompositionSpec;
  readonly count: number;
  readonly start: string;
  readonly end: string;
  /** Per composition, the host and devices held for the window (empty until admitted). */
  readonly held: readonly Assignment[];
  readonly compositionIds: readonly string[];
  /** Whether the ending-soon warning went out. */
  readonly warned: boolean;
  readonly reason?: string;
  /** Why it was rejected, per composition and group (empty when the reason is not capacity). */
  readonly shortfalls?: readonly LeaseShortfall[];
}

export type LeaseState = { readonly status: 'absent' } | Lease;

export const absentLease: LeaseState = { status: 'absent' };
