/**
 * Injection tokens of what the gRPC handlers use that application/ports does not define a token
 * for (the read model has its own next to its port).
 */
/** `ReserveDeps`: everything composing, reserving and applying need. */
export const composeDepsToken = Symbol('ComposeDeps');
/** `TemplateCommandDeps`: the template repository and the clock. */
export const templateDepsToken = Symbol('TemplateDeps');
/**
 * `() => Promise<CapacityDeps>`: the candidate index, templates, the devices promised to leases,
 * and the scheduler configuration with the tenants' quotas and usage as they are now.
 */
export const capacityDepsToken = Symbol('CapacityDeps');
/** `LeaseDeps`: composing plus the lease book. */
export const leaseDepsToken = Symbol('LeaseDeps');
/** `QuotaDeps`: the quota store. */
export const quotaDepsToken = Symbol('QuotaDeps');
