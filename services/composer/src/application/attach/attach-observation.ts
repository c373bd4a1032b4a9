/**
 * What fleet observed on a host, translated from the contract's `DeviceAttachObserved` /
 * `DeviceDetachObserved` (attach-contract.md) by the consumer.
 */
export type AttachObservation =
  | {
      readonly observed: 'attach';
      readonly compositionId: string;
      readonly deviceId: string;
      /** The intent's attempt this answers; an answer to another attempt changes nothing. */
      readonly attempt: number;
      readonly outcome: 'attached' | 'failed';
      readonly detail: string;
    }
  | {
      readonly observed: 'detach';
      readonly compositionId: string;
      readonly deviceId: string;
      readonly detail: string;
    };
