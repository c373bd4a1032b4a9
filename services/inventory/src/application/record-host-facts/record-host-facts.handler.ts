import { TesseraError } from '@tessera/errors';
import {
  type HostFactsReported,
  hostFactsProblems,
  snapshotOfHostFacts,
} from '@tessera/inventory-domain';
import type { CommandContext } from '../ports/command-context.js';
import type { ReconcileResult } from '../reconcile-snapshot/reconcile-snapshot.command.js';
import {
  type ReconcileDeps,
  reconcileSnapshot,
} from '../reconcile-snapshot/reconcile-snapshot.handler.js';

export class InvalidHostReportError extends TesseraError<'INVALID_HOST_REPORT'> {
  readonly code = 'INVALID_HOST_REPORT';

  constructor(readonly problems: readonly string[]) {
    super(`the host report is invalid: ${problems.join('; ')}`);
  }
}

/**
 * Records what a host's agent reports: the host and its local devices, declared by the source
 * `agent`/<host id>. A device the agent no longer reports goes missing. Reports of one host arrive
 * in order (keyed by host id), so a redelivered older report is always followed by the newer one
 * again, and the inventory converges on the latest.
 */
export async function recordHostFacts(
  deps: ReconcileDeps,
  report: HostFactsReported,
  context: CommandContext,
): Promise<ReconcileResult> {
  const problems = hostFactsProblems(report);
  if (problems.length > 0) throw new InvalidHostReportError(problems);
  return reconcileSnapshot(
    deps,
    { source: { kind: 'agent', id: report.hostId }, snapshot: snapshotOfHostFacts(report) },
    context,
  );
}
