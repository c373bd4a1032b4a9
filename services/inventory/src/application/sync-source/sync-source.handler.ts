import { isTesseraError } from '@tessera/errors';
import { SourceNotFoundError } from '@tessera/inventory-domain';
import { executeSourceCommand } from '../execute-source-command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { RedfishReader } from '../ports/redfish-reader.js';
import type { ReconcileResult } from '../reconcile-snapshot/reconcile-snapshot.command.js';
import {
  type ReconcileDeps,
  reconcileSnapshot,
} from '../reconcile-snapshot/reconcile-snapshot.handler.js';
import type { SourceDeps } from '../register-source/register-source.handler.js';

export type SyncOutcome =
  | {
      readonly outcome: 'synced';
      readonly result: ReconcileResult;
      readonly warnings: readonly string[];
    }
  /** The service did not answer properly: its items stay, unschedulable, until it does. */
  | { readonly outcome: 'unreachable'; readonly error: string };

/**
 * One resync of a Redfish source: read it, reconcile what it reports (new items registered,
 * changes recorded, vanished items missing), and record the sync. When the service cannot be
 * read nothing is reconciled (a failed read is never taken for "everything vanished"); the source
 * is recorded as not answering, which makes its items unschedulable.
 */
export async function syncSource(
  deps: SourceDeps & ReconcileDeps & { readonly redfish: RedfishReader },
  command: { readonly id: string; readonly signal?: AbortSignal },
  context: CommandContext,
): Promise<SyncOutcome> {
  const { state } = await deps.sources.load(command.id);
  if (state.status !== 'registered') throw new SourceNotFoundError(command.id);
  let read;
  try {
    read = await deps.redfish.read({
      sourceId: command.id,
      url: state.spec.url,
      credentials: await deps.credentials.find(command.id),
      ...(command.signal ? { signal: command.signal } : {}),
    });
  } catch (error) {
    if (!isTesseraError(error)) throw error;
    const message = `${error.code}: ${error.message}`;
    await executeSourceCommand(
      deps.sources,
      command.id,
      { command: 'RecordFailure', error: message },
      context,
    );
    return { outcome: 'unreachable', error: message };
  }
  const result = await reconcileSnapshot(
    deps,
    { source: { kind: 'redfish', id: command.id }, snapshot: read.snapshot },
    context,
  );
  const { refused: _refused, ...counts } = result;
  await executeSourceCommand(deps.sources, command.id, { command: 'RecordSync', counts }, context);
  return { outcome: 'synced', result, warnings: read.warnings };
}
