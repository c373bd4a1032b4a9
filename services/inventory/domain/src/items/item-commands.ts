import type { Health, ItemKind, ItemSpecs, Labels, SourceRef } from '@tessera/hardware';

/**
 * What sources and operators ask of a hardware item. `Observe` is idempotent: reporting what
 * the inventory already knows changes nothing, so a manifest imported twice or a resync that
 * finds no change appends no event.
 */
export type ItemCommand<K extends ItemKind = ItemKind> =
  | { readonly command: 'Observe'; readonly spec: ItemSpecs[K]; readonly source: SourceRef }
  | { readonly command: 'MarkMissing'; readonly source: SourceRef }
  | { readonly command: 'SetLabels'; readonly labels: Labels }
  | { readonly command: 'SetHealth'; readonly health: Health; readonly reason: string }
  | { readonly command: 'Cordon'; readonly reason: string }
  | { readonly command: 'Uncordon'; readonly reason: string }
  | { readonly command: 'Retire'; readonly reason: string };

export type ItemCommandName = ItemCommand['command'];
