import { type ItemKind, type ItemSpecs, type InventorySnapshot } from '@tessera/inventory-domain';
import { executeItemCommand } from '../execute-item-command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { ItemRepository } from '../ports/item-repository.js';
import type { SourceItems } from '../ports/source-items.js';
import { forEachConcurrently } from '../shared/for-each-concurrently.js';
import { observeInBulk } from './observe-in-bulk.js';
import type { ReconcileResult, ReconcileSnapshotCommand } from './reconcile-snapshot.command.js';

/** Containers before what they contain, so that readers meet a rack before its enclosures. */
const reconcileOrder = ['site', 'rack', 'enclosure', 'fabric', 'host', 'device'] as const;

const snapshotSection = {
  site: 'sites',
  rack: 'racks',
  enclosure: 'enclosures',
  fabric: 'fabrics',
  host: 'hosts',
  device: 'devices',
} as const satisfies Record<ItemKind, keyof InventorySnapshot>;

/** Chunks observed at once (each one bulk read and one bulk append). */
const concurrency = 3;
/** Items per chunk: one transaction each. */
const chunkSize = 500;

export interface ReconcileDeps {
  readonly items: ItemRepository;
  readonly sourceItems: SourceItems;
}

export async function reconcileSnapshot(
  deps: ReconcileDeps,
  { source, snapshot }: ReconcileSnapshotCommand,
  context: CommandContext,
): Promise<ReconcileResult> {
  const tally = { registered: 0, updated: 0, unchanged: 0, missing: 0 };
  const refused: { kind: string; id: string; reason: string }[] = [];
  for (const kind of reconcileOrder) {
    const specs = snapshot[snapshotSection[kind]] as readonly ItemSpecs[typeof kind][];
    await forEachConcurrently(chunksOf(specs, chunkSize), concurrency, async (chunk) => {
      const outcomes = await observeInBulk(deps.items, kind, chunk, source, context);
      outcomes.forEach((observed, index) => {
        if (observed.outcome === 'refused') {
          refused.push({ kind, id: chunk[index]?.id ?? '', reason: observed.reason });
        } else {
          tally[observed.outcome] += 1;
        }
      });
    });
  }
  for (const kind of [...reconcileOrder].reverse()) {
    const reported = new Set(snapshot[snapshotSection[kind]].map((spec) => spec.id));
    const declared = await deps.sourceItems.idsDeclaredBy(source, kind);
    const gone = declared.filter((id) => !reported.has(id));
    await forEachConcurrently(gone, concurrency, async (id) => {
      const facts = await executeItemCommand(
        deps.items,
        kind,
        id,
        { command: 'MarkMissing', source },
        context,
      );
      if (facts.length > 0) tally.missing += 1;
    });
  }
  return { ...tally, refused };
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
