/** Set (create or replace) the most devices of `kind` the tenant's compositions may hold. */
export interface SetTenantQuotaCommand {
  readonly tenant: string;
  readonly kind: string;
  readonly maxDevices: number;
}
