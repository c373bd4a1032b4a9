import type { AttachResult } from '@tessera/composer-domain';

/**
 * What fleet observed on a host, translated from the contract's `DeviceAttachObserved` /
 * `DeviceDetachObserved` (attach-contract.md) by the consumer. An attach observation reports
 * some or all of one intent's devices; each result names the attempt it answers.
 */
export type AttachObservation =
  | {
      readonly observed: 'attach';
      readonly compositionId: string;
      readonly results: readonly AttachResult[];
    }
  | {
      readonly observed: 'detach';
      readonly compositionId: string;
      /** Devices no longer attached to the host (some or all of detach intents' devices). */
      readonly deviceIds: readonly string[];
    };
