import { TesseraError } from '@tessera/errors';

/**
 * A Redfish service the inventory resyncs on an interval. Its credentials are not part of the
 * aggregate (events are kept forever and published): they live in the service's secrets table,
 * deleted with the source.
 */
export interface RedfishSourceSpec {
  readonly id: string;
  readonly url: string;
  readonly intervalSeconds: number;
}

export type SourceFact =
  | { readonly fact: 'Registered'; readonly spec: RedfishSourceSpec }
  | { readonly fact: 'IntervalChanged'; readonly intervalSeconds: number }
  | { readonly fact: 'Synced'; readonly counts: SyncCounts }
  /** The service stopped answering: its items are unschedulable until it answers again. */
  | { readonly fact: 'StoppedAnswering'; readonly error: string }
  | { readonly fact: 'AnsweringAgain' }
  | { readonly fact: 'Removed'; readonly reason: string };

export interface SyncCounts {
  readonly registered: number;
  readonly updated: number;
  readonly missing: number;
  readonly unchanged: number;
}

export type SourceCommand =
  | { readonly command: 'Register'; readonly spec: RedfishSourceSpec }
  | { readonly command: 'RecordSync'; readonly counts: SyncCounts }
  | { readonly command: 'RecordFailure'; readonly error: string }
  | { readonly command: 'Remove'; readonly reason: string };

export type SourceState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'registered';
      readonly spec: RedfishSourceSpec;
      readonly answering: boolean;
      readonly lastError: string | undefined;
    }
  | { readonly status: 'removed' };

export const absentSource: SourceState = { status: 'absent' };

export function sourceStreamId(id: string): string {
  return `source-${id}`;
}

export class SourceNotFoundError extends TesseraError<'DISCOVERY_SOURCE_NOT_FOUND'> {
  readonly code = 'DISCOVERY_SOURCE_NOT_FOUND';

  constructor(readonly id: string) {
    super(`no discovery source with id "${id}"`);
  }
}

export class SourceAlreadyExistsError extends TesseraError<'DISCOVERY_SOURCE_EXISTS'> {
  readonly code = 'DISCOVERY_SOURCE_EXISTS';

  constructor(readonly id: string) {
    super(`a discovery source with id "${id}" exists already with another URL or interval`);
  }
}

/** Source facts are stored as `tessera.inventory.v1.DiscoverySource<fact>` events with `{ id, ...rest }`. */
export const sourceEventPrefix = 'tessera.inventory.v1.DiscoverySource';

export function sourceEventOf(
  id: string,
  fact: SourceFact,
): { type: string; data: { id: string } & Record<string, unknown> } {
  const { fact: name, ...data } = fact;
  return { type: `${sourceEventPrefix}${name}`, data: { id, ...data } };
}

export function sourceFactOf(event: {
  type: string;
  data: Record<string, unknown>;
}): { id: string; fact: SourceFact } | undefined {
  if (!event.type.startsWith(sourceEventPrefix)) return undefined;
  const { id, ...rest } = event.data;
  return {
    id: String(id),
    fact: { fact: event.type.slice(sourceEventPrefix.length), ...rest } as SourceFact,
  };
}
