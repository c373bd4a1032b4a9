import {
  InvalidItemCommandError,
  ManifestInvalidError,
  parseManifestText,
} from '@tessera/inventory-domain';
import type { CommandContext } from '../ports/command-context.js';
import type { ReconcileResult } from '../reconcile-snapshot/reconcile-snapshot.command.js';
import {
  type ReconcileDeps,
  reconcileSnapshot,
} from '../reconcile-snapshot/reconcile-snapshot.handler.js';
import type { ImportManifestCommand } from './import-manifest.command.js';

const manifestName = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * Imports a manifest: the whole document is validated first and, on any problem, nothing is
 * applied (`ManifestInvalidError` lists every problem with its path). A valid manifest is
 * reconciled as the complete declaration of its source, so importing it twice changes nothing
 * and an item dropped from it goes missing.
 */
export async function importManifest(
  deps: ReconcileDeps,
  command: ImportManifestCommand,
  context: CommandContext,
): Promise<ReconcileResult> {
  if (!manifestName.test(command.name)) {
    throw new InvalidItemCommandError(
      'name',
      'must be 1-63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  const parsed = parseManifestText(command.text, command.format);
  if (!parsed.ok) {
    throw new ManifestInvalidError(parsed.problems);
  }
  return reconcileSnapshot(
    deps,
    { source: { kind: 'manifest', id: command.name }, snapshot: parsed.snapshot },
    context,
  );
}
