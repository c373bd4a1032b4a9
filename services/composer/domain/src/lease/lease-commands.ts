import type { Assignment } from '../composition/index.js';
import type { CompositionSpec } from '../spec/index.js';
import type { LeaseShortfall } from './lease-facts.js';

/**
 * What users and the lease scheduler ask of a lease. Times are ISO-8601 strings; the time a
 * command is decided at is `decideLease`'s `now`. Start, WarnEnding and End may be repeated
 * (another replica's job got there first): a repeat changes nothing.
 */
export type LeaseCommand =
  | {
      readonly command: 'Request';
      readonly id: string;
      readonly tenant: string;
      readonly name: string;
      readonly spec: unknown;
      readonly count: number;
      readonly start: string;
      readonly end: string;
      readonly requestedBy: string;
      /**
       * The caller's key for this request, checked here and recorded in `LeaseRequested`; the
       * lease book also keeps it, to answer a repeated request with the same lease.
       */
      readonly idempotencyKey?: string;
    }
  | { readonly command: 'Admit'; readonly held: readonly Assignment[] }
  | {
      readonly command: 'Reject';
      readonly reason: string;
      readonly shortfalls: readonly LeaseShortfall[];
    }
  | { readonly command: 'Start'; readonly compositionIds: readonly string[] }
  | { readonly command: 'WarnEnding' }
  | { readonly command: 'End' }
  | { readonly command: 'Cancel'; readonly reason: string };

export type LeaseCommandName = LeaseCommand['command'];

/** A validated lease request, as the `Request` command carries it once accepted. */
export interface LeaseRequest {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly spec: CompositionSpec;
  readonly count: number;
  readonly start: Date;
  readonly end: Date;
}
