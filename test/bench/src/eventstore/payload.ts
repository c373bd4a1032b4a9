import { randomUUID } from 'node:crypto';
import type { AppendOptions, NewEvent } from '@tessera/event-store';

/** The payload of a device attachment, shaped like the composer's events (about 300 bytes of JSON). */
export interface DeviceAttachedData {
  readonly deviceId: string;
  readonly hostId: string;
  readonly slot: string;
  readonly kind: 'gpu' | 'nvme' | 'fpga';
  readonly model: string;
  readonly serialNumber: string;
  readonly firmwareVersion: string;
  readonly sequence: number;
  readonly attributes: {
    readonly memoryGiB: number;
    readonly powerWatts: number;
    readonly numaNode: number;
    readonly lanes: number;
  };
}

const kinds = ['gpu', 'nvme', 'fpga'] as const;

/** A realistic event: fresh ids, a payload that varies with `sequence`. */
export function deviceAttachedEvent(
  sequence: number,
): NewEvent<'DeviceAttached', DeviceAttachedData> {
  return {
    id: randomUUID(),
    type: 'DeviceAttached',
    schemaVersion: 1,
    data: {
      deviceId: randomUUID(),
      hostId: randomUUID(),
      slot: `pcie-slot-${sequence % 8}`,
      kind: kinds[sequence % kinds.length] ?? 'gpu',
      model: 'NVIDIA A100 80GB PCIe',
      serialNumber: `SN-${String(sequence).padStart(10, '0')}`,
      firmwareVersion: '96.00.5F.00.01',
      sequence,
      attributes: {
        memoryGiB: 80,
        powerWatts: 300,
        numaNode: sequence % 2,
        lanes: 16,
      },
    },
  };
}

export function deviceAttachedEvents(firstSequence: number, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, offset) => deviceAttachedEvent(firstSequence + offset));
}

export function benchAppendOptions(expectedVersion: number): AppendOptions {
  return { expectedVersion, correlationId: randomUUID(), actor: 'service:bench' };
}
