import { DevicesTakenError } from '../ports/allocation-ledger.js';
import { VersionConflictError } from '../ports/composition-repository.js';
import type { CommandContext } from '../ports/command-context.js';
import type { DueLease } from './lease-book.js';
import { defaultEndingSoonMs, type LeaseDeps } from './lease-deps.js';
import { endLease, startLease, warnLeaseEnding } from './lease-transitions.js';

export interface LeaseProgress {
  /** Leases moved on, with the facts appended. */
  readonly advanced: readonly { readonly leaseId: string; readonly facts: readonly string[] }[];
  /**
   * Leases another writer moved on meanwhile, or whose start found held devices still taken
   * (the compositions of a lease that ended at that start are still detaching from them): the
   * next run looks again.
   */
  readonly contended: readonly string[];
}

/**
 * One run of the lease scheduler: starts the leases whose start came, warns those ending within
 * `endingSoonMs`, ends those whose end came, at the clock's now, up to `limit` leases (at one
 * instant, ends before starts, so a lease's devices are given back before the next takes them). Every
 * step is idempotent, so two replicas running it at once append each fact once.
 */
export async function advanceLeases(
  deps: LeaseDeps,
  context: CommandContext,
  limit = 100,
): Promise<LeaseProgress> {
  const now = deps.clock.now();
  const due = await deps.leases.due(now, deps.endingSoonMs ?? defaultEndingSoonMs, limit);
  const advanced: { leaseId: string; facts: readonly string[] }[] = [];
  const contended: string[] = [];
  for (const lease of due) {
    try {
      const facts = await step(deps, lease, context);
      if (facts.length > 0) advanced.push({ leaseId: lease.leaseId, facts });
    } catch (error) {
      if (!(error instanceof VersionConflictError || error instanceof DevicesTakenError)) {
        throw error;
      }
      contended.push(lease.leaseId);
    }
  }
  return { advanced, contended };
}

function step(deps: LeaseDeps, due: DueLease, context: CommandContext): Promise<readonly string[]> {
  switch (due.action) {
    case 'start':
      return startLease(deps, due.leaseId, context);
    case 'warn':
      return warnLeaseEnding(deps, due.leaseId, context);
    case 'end':
      return endLease(deps, due.leaseId, context);
  }
}
