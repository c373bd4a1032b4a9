import type { FabricAttachment, Health, Labels } from './device.js';

export interface SiteSpec {
  readonly id: string;
  readonly name: string;
}

export interface RackSpec {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
}

/** Boxes that hold pooled devices or compute. */
export const enclosureKinds = ['jbof', 'gpu-chassis', 'compute-sled', 'expansion-box'] as const;
export type EnclosureKind = (typeof enclosureKinds)[number];

export interface EnclosureSpec {
  readonly id: string;
  readonly kind: EnclosureKind;
  readonly rackId: string;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly labels?: Labels;
}

/** A compute host: the part of a composed server that runs the operating system. */
export interface HostSpec {
  readonly id: string;
  readonly name: string;
  readonly rackId?: string;
  /** The compute sled or chassis it sits in, if any. */
  readonly enclosureId?: string;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly cpuModel?: string;
  readonly cpuCores?: number;
  readonly memoryGiB?: number;
  /** The endpoints that represent it on fabrics (its initiators / host ports). */
  readonly attachments: readonly FabricAttachment[];
  readonly labels?: Labels;
  readonly health?: Health;
}
