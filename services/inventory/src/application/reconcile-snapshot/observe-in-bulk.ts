import {
  decideItem,
  type ItemFact,
  type ItemKind,
  ItemSourceConflictError,
  type ItemSpecs,
  type SourceRef,
} from '@tessera/inventory-domain';
import { executeItemCommand } from '../execute-item-command.js';
import type { CommandContext } from '../ports/command-context.js';
import {
  type ItemAppend,
  type ItemRepository,
  VersionConflictError,
} from '../ports/item-repository.js';

export type ObserveOutcome =
  | { readonly outcome: 'registered' | 'updated' | 'unchanged' }
  | { readonly outcome: 'refused'; readonly reason: string };

/**
 * Observes a chunk of items of one kind with one bulk read and one bulk append: each item is
 * decided on its own stored state, exactly as one command would be. If any item changed in the
 * meantime the bulk append writes nothing and the chunk is observed again item by item (each
 * retried on conflict), so concurrent writers are never overwritten.
 */
export async function observeInBulk<K extends ItemKind>(
  items: ItemRepository,
  kind: K,
  specs: readonly ItemSpecs[K][],
  source: SourceRef,
  context: CommandContext,
): Promise<ObserveOutcome[]> {
  const loaded = await items.loadMany(
    kind,
    specs.map((spec) => spec.id),
  );
  const outcomes: ObserveOutcome[] = [];
  const appends: ItemAppend<K>[] = [];
  for (const spec of specs) {
    const current = loaded.get(spec.id) ?? { state: { status: 'absent' as const }, version: 0 };
    try {
      const facts = decideItem(kind, spec.id, { command: 'Observe', spec, source }, current.state);
      outcomes.push({ outcome: outcomeOf(facts) });
      if (facts.length > 0)
        appends.push({ kind, id: spec.id, facts, expectedVersion: current.version });
    } catch (error) {
      if (!(error instanceof ItemSourceConflictError)) throw error;
      outcomes.push({ outcome: 'refused', reason: error.message });
    }
  }
  if (appends.length === 0) return outcomes;
  try {
    await items.appendMany(appends, context);
    return outcomes;
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
  }
  return observeOneByOne(items, kind, specs, source, context);
}

async function observeOneByOne<K extends ItemKind>(
  items: ItemRepository,
  kind: K,
  specs: readonly ItemSpecs[K][],
  source: SourceRef,
  context: CommandContext,
): Promise<ObserveOutcome[]> {
  const outcomes: ObserveOutcome[] = [];
  for (const spec of specs) {
    try {
      const facts = await executeItemCommand(
        items,
        kind,
        spec.id,
        { command: 'Observe', spec, source },
        context,
      );
      outcomes.push({ outcome: outcomeOf(facts) });
    } catch (error) {
      if (!(error instanceof ItemSourceConflictError)) throw error;
      outcomes.push({ outcome: 'refused', reason: error.message });
    }
  }
  return outcomes;
}

function outcomeOf(facts: readonly ItemFact[]): 'registered' | 'updated' | 'unchanged' {
  if (facts.length === 0) return 'unchanged';
  return facts.some((fact) => fact.fact === 'Registered') ? 'registered' : 'updated';
}
