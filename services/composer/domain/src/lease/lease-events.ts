import { composerEventNamespace } from '../composition/index.js';
import { type LeaseFact, leaseFactNames } from './lease-facts.js';

/** `tessera.composer.v1.Lease<Fact>`, with the lease's id as `leaseId` in the data. */
export interface LeaseEvent {
  readonly type: string;
  readonly data: { readonly leaseId: string } & Record<string, unknown>;
}

export const leaseEventPrefix = `${composerEventNamespace}Lease`;
export const leaseEventSchemaVersion = 1;

export function leaseStreamId(leaseId: string): string {
  return `lease-${leaseId}`;
}

export function leaseEventOf(leaseId: string, fact: LeaseFact): LeaseEvent {
  const { fact: name, ...data } = fact;
  return { type: `${leaseEventPrefix}${name}`, data: { leaseId, ...data } };
}

/** The fact a stored lease event records, or undefined for any other event. */
export function leaseFactOf(event: LeaseEvent): LeaseFact | undefined {
  if (!event.type.startsWith(leaseEventPrefix)) return undefined;
  const name = event.type.slice(leaseEventPrefix.length);
  const known = leaseFactNames.find((candidate) => candidate === name);
  if (known === undefined) return undefined;
  const { leaseId: _id, ...rest } = event.data;
  return { fact: known, ...rest } as LeaseFact;
}
