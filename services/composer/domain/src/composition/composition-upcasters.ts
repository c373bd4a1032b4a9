import { composerEventNamespace } from './composition-events.js';

type Payload = Record<string, unknown>;

/**
 * Brings a stored composition event's payload one version up (docs/proto.md, "Versioning event
 * payloads"). Pure; the shape matches the event store's `Upcaster`, which the infrastructure
 * registers them with.
 */
export interface CompositionUpcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: Payload) => Payload;
}

/**
 * V1 → V2 of the payloads that became one per step: `AttachRequested` and `DetachRequested`
 * named one device, their V2 list the devices of the step on the host; `DeviceAttached` and
 * `DeviceDetached` named one device, their V2 list the devices one observation reported.
 */
export const compositionUpcasters: readonly CompositionUpcaster[] = [
  {
    type: `${composerEventNamespace}AttachRequested`,
    fromVersion: 1,
    upcast: ({ compositionId, hostId, deviceId, attempt, fabricId, deadline }) => ({
      compositionId,
      hostId,
      devices: [{ deviceId, attempt, ...(fabricId === undefined ? {} : { fabricId }) }],
      deadline,
    }),
  },
  {
    type: `${composerEventNamespace}DeviceAttached`,
    fromVersion: 1,
    upcast: ({ compositionId, deviceId, detail }) => ({
      compositionId,
      devices: [{ deviceId, detail }],
    }),
  },
  {
    type: `${composerEventNamespace}DetachRequested`,
    fromVersion: 1,
    upcast: ({ compositionId, hostId, deviceId, reason }) => ({
      compositionId,
      hostId,
      deviceIds: [deviceId],
      reason,
    }),
  },
  {
    type: `${composerEventNamespace}DeviceDetached`,
    fromVersion: 1,
    upcast: ({ compositionId, deviceId }) => ({ compositionId, deviceIds: [deviceId] }),
  },
];
