/** The fabrics a rack's hosts and devices have endpoints on; absent where the lab has none. */
export interface RackFabrics {
  readonly pcie?: string;
  readonly cxl?: string;
  readonly nvme?: string;
}

export type FabricRole = keyof RackFabrics;

export const fabricRoles: readonly FabricRole[] = ['pcie', 'cxl', 'nvme'];

/** The id of an entity's endpoint on one of its fabrics: `fra1-r01-h01.nvme`. */
export function endpointId(entityId: string, role: FabricRole): string {
  return `${entityId}.${role}`;
}
