import { emptySnapshot } from '@tessera/inventory-domain';
import { executeSourceCommand } from '../execute-source-command.js';
import type { CommandContext } from '../ports/command-context.js';
import {
  type ReconcileDeps,
  reconcileSnapshot,
} from '../reconcile-snapshot/reconcile-snapshot.handler.js';
import type { SourceDeps } from '../register-source/register-source.handler.js';

/**
 * Removes a Redfish source: it is no longer synced, its credentials are deleted, and every item
 * it declared goes missing (kept, unschedulable, never deleted). Idempotent.
 */
export async function removeSource(
  deps: SourceDeps & ReconcileDeps,
  command: { readonly id: string; readonly reason: string },
  context: CommandContext,
): Promise<{ missing: number }> {
  await executeSourceCommand(
    deps.sources,
    command.id,
    { command: 'Remove', reason: command.reason },
    context,
  );
  await deps.credentials.remove(command.id);
  const result = await reconcileSnapshot(
    deps,
    { source: { kind: 'redfish', id: command.id }, snapshot: emptySnapshot },
    context,
  );
  return { missing: result.missing };
}
