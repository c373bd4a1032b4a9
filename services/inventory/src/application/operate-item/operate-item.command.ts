import type { Health, ItemKind, Labels } from '@tessera/inventory-domain';

/** What operators do to a device, an enclosure or a host (sites, racks and fabrics too). */
export type OperatorAction =
  | { readonly action: 'cordon'; readonly reason: string }
  | { readonly action: 'uncordon'; readonly reason: string }
  | { readonly action: 'retire'; readonly reason: string }
  | { readonly action: 'set-labels'; readonly labels: Labels }
  | { readonly action: 'set-health'; readonly health: Health; readonly reason: string };

export interface OperateItemCommand {
  readonly kind: ItemKind;
  readonly id: string;
  readonly operation: OperatorAction;
}
