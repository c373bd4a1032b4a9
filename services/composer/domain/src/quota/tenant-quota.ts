import { deviceKinds, type DeviceKind } from '../spec/index.js';
import { InvalidQuotaError } from './quota-errors.js';

/** The most devices of one kind a tenant's compositions may hold at once. */
export interface TenantQuota {
  readonly tenant: string;
  readonly kind: DeviceKind;
  readonly maxDevices: number;
}

/** A quota with what the tenant holds of that kind now (reserved or allocated). */
export interface TenantQuotaUsage extends TenantQuota {
  readonly inUse: number;
}

/** Largest accepted limit: a guard against typos, far above any pool. */
export const maxQuotaDevices = 1_000_000;

/** The quota if it is well formed; otherwise `InvalidQuotaError` naming the first bad field. */
export function validateTenantQuota(input: {
  readonly tenant: string;
  readonly kind: string;
  readonly maxDevices: number;
}): TenantQuota {
  const tenant = input.tenant.trim();
  if (tenant === '' || tenant !== input.tenant) {
    throw new InvalidQuotaError('tenant', 'must be non-empty without surrounding spaces');
  }
  const kind = deviceKinds.find((known) => known === input.kind);
  if (kind === undefined) {
    throw new InvalidQuotaError('kind', `unknown device kind "${input.kind}"`);
  }
  if (
    !Number.isInteger(input.maxDevices) ||
    input.maxDevices < 0 ||
    input.maxDevices > maxQuotaDevices
  ) {
    throw new InvalidQuotaError('maxDevices', `must be an integer from 0 to ${maxQuotaDevices}`);
  }
  return { tenant, kind, maxDevices: input.maxDevices };
}
