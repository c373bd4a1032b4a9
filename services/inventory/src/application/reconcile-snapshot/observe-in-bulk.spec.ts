import { absentItem, type ItemFact, type ItemKind, type SiteSpec } from '@tessera/inventory-domain';
import { describe, expect, it } from 'vitest';
import {
  type ItemAppend,
  type ItemRepository,
  VersionConflictError,
} from '../ports/item-repository.js';
import { observeInBulk } from './observe-in-bulk.js';

/** A repository that loses the bulk race once (another writer got to site-b first). */
function racingRepository(): ItemRepository & { single: string[] } {
  const versions = new Map<string, number>([['site-b', 1]]);
  const single: string[] = [];
  return {
    single,
    loadMany: (_kind, ids) =>
      Promise.resolve(new Map(ids.map((id) => [id, { state: absentItem, version: 0 }]))),
    load: (_kind: ItemKind, id: string) =>
      Promise.resolve(
        versions.has(id)
          ? {
              state: {
                status: 'present' as const,
                spec: { id, name: 'B' } as never,
                source: { kind: 'manifest' as const, id: 'other' },
                operatorLabels: undefined,
                health: undefined,
                reportedHealth: undefined,
                cordon: undefined,
                retirement: undefined,
                missing: false,
              },
              version: 1,
            }
          : { state: absentItem, version: 0 },
      ),
    appendMany: (entries: readonly ItemAppend[]) =>
      Promise.reject(new VersionConflictError(`site-${entries.length}`)),
    append: <K extends ItemKind>(_kind: K, id: string, _facts: readonly ItemFact<K>[]) => {
      single.push(id);
      return Promise.resolve();
    },
  };
}

describe('observing in bulk', () => {
  it('falls back to one command per item when another writer changed an item meanwhile', async () => {
    const repository = racingRepository();
    const specs: SiteSpec[] = [
      { id: 'site-a', name: 'A' },
      { id: 'site-b', name: 'B' },
    ];
    const outcomes = await observeInBulk(
      repository,
      'site',
      specs,
      { kind: 'manifest', id: 'lab' },
      { correlationId: 'c', actor: 'user:test' },
    );
    expect(outcomes).toEqual([
      { outcome: 'registered' },
      {
        outcome: 'refused',
        reason:
          'site "site-b" was declared by manifest source "other"; manifest source "lab" cannot change it',
      },
    ]);
    expect(repository.single).toEqual(['site-a']);
  });
});
