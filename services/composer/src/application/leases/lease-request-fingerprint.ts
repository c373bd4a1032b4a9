import type { Lease } from '@tessera/composer-domain';

/**
 * What makes two lease requests the same request, as text: tenant, name, rendered spec, count
 * and window, with object keys sorted, so that field order and time notation do not matter.
 * An idempotency key used again with another fingerprint is a conflict.
 */
export function leaseRequestFingerprint(lease: Lease): string {
  const { tenant, name, spec, count, start, end } = lease;
  return canonicalJson({ tenant, name, spec, count, start, end });
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
