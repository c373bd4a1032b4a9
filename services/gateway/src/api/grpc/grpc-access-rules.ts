import type { composer, inventory } from '@tessera/contracts';
import type { Role } from '../../domain/access.js';

/**
 * What a public gRPC call needs before the gateway forwards it, mirroring the REST API: a role
 * on what all tenants share (hardware, templates) or on the platform, or on a tenant the request
 * names, or on the tenant of the composition, lease or reservation it names (looked up first).
 */
export type CallRule =
  | { readonly role: Role; readonly on: 'shared' | 'platform' }
  | { readonly role: Role; readonly tenantNamed: (request: never) => string }
  | { readonly role: Role; readonly listedTenant: (request: never) => string }
  | { readonly role: Role; readonly composition: (request: never) => string }
  | { readonly role: Role; readonly lease: (request: never) => string }
  | { readonly role: Role; readonly reservation: (request: never) => string };

const shared = (role: Role): CallRule => ({ role, on: 'shared' });
const platform = (role: Role): CallRule => ({ role, on: 'platform' });

type ComposerMethod = keyof typeof composer.ComposerServiceService;
type InventoryMethod = keyof typeof inventory.InventoryServiceService;

export const composerRules: Readonly<Record<ComposerMethod, CallRule>> = {
  createComposition: {
    role: 'operator',
    tenantNamed: (r: composer.CreateCompositionRequest) => r.spec?.tenant ?? '',
  },
  previewComposition: {
    role: 'viewer',
    tenantNamed: (r: composer.PreviewCompositionRequest) => r.spec?.tenant ?? '',
  },
  reserveComposition: {
    role: 'operator',
    tenantNamed: (r: composer.ReserveCompositionRequest) => r.spec?.tenant ?? '',
  },
  applyReservation: {
    role: 'operator',
    reservation: (r: composer.ApplyReservationRequest) => r.reservationId,
  },
  getComposition: {
    role: 'viewer',
    composition: (r: composer.GetCompositionRequest) => r.compositionId,
  },
  listCompositions: {
    role: 'viewer',
    listedTenant: (r: composer.ListCompositionsRequest) => r.tenant,
  },
  expandComposition: {
    role: 'operator',
    composition: (r: composer.ExpandCompositionRequest) => r.compositionId,
  },
  shrinkComposition: {
    role: 'operator',
    composition: (r: composer.ShrinkCompositionRequest) => r.compositionId,
  },
  decomposeComposition: {
    role: 'operator',
    composition: (r: composer.DecomposeCompositionRequest) => r.compositionId,
  },
  defineTemplate: platform('admin'),
  getTemplate: shared('viewer'),
  listTemplates: shared('viewer'),
  retireTemplate: platform('admin'),
  getCapacity: {
    role: 'viewer',
    tenantNamed: (r: composer.GetCapacityRequest) => r.spec?.tenant ?? '',
  },
  getCapacityTimeline: shared('viewer'),
  createLease: { role: 'operator', tenantNamed: (r: composer.CreateLeaseRequest) => r.tenant },
  getLease: { role: 'viewer', lease: (r: composer.GetLeaseRequest) => r.leaseId },
  listLeases: { role: 'viewer', listedTenant: (r: composer.ListLeasesRequest) => r.tenant },
  cancelLease: { role: 'operator', lease: (r: composer.CancelLeaseRequest) => r.leaseId },
  setQuota: platform('admin'),
  listQuotas: { role: 'viewer', tenantNamed: (r: composer.ListQuotasRequest) => r.tenant },
  removeQuota: platform('admin'),
};

export const inventoryRules: Readonly<Record<InventoryMethod, CallRule>> = {
  getItem: shared('viewer'),
  listItems: shared('viewer'),
  listDevices: shared('viewer'),
  listReachableDevices: shared('viewer'),
  listHostsReaching: shared('viewer'),
  watchChanges: shared('viewer'),
  cordonItem: platform('operator'),
  uncordonItem: platform('operator'),
  retireItem: platform('admin'),
  setItemLabels: platform('operator'),
  setItemHealth: platform('operator'),
  importManifest: platform('admin'),
  registerSource: platform('admin'),
  removeSource: platform('admin'),
  syncSource: platform('operator'),
  // Sources are the platform's BMCs: not for tenants to see.
  listSources: platform('viewer'),
};
