import { inventory } from '@tessera/contracts';
import type { FabricSpec } from '@tessera/inventory-domain';
import { describe, expect, it } from 'vitest';
import { fabricOf } from './fabric-mapper.js';

/** What a client decodes: the fabric after the binary encoding. */
const overTheWire = (fabric: inventory.Fabric): inventory.Fabric =>
  inventory.Fabric.decode(inventory.Fabric.encode(fabric).finish());

/** An NVMe/TCP fabric whose JBOF port serves two drives besides its NIC. */
const nvmeFabric: FabricSpec = {
  id: 'fra1-nvme',
  kind: 'nvme-tcp',
  switches: [],
  endpoints: [
    { id: 'h1.nvme', role: 'initiator', entity: { type: 'host', id: 'h1' } },
    {
      id: 'jbof1.port0',
      role: 'target',
      entity: { type: 'device', id: 'jbof1-nic' },
      servesDeviceIds: ['jbof1-d01', 'jbof1-d02'],
    },
  ],
  links: [],
};

describe('fabrics as the API shows them', () => {
  it('lists the devices a shared target endpoint serves, and none for other endpoints', () => {
    const fabric = overTheWire(fabricOf(nvmeFabric));

    expect(fabric.endpoints).toEqual([
      {
        id: 'h1.nvme',
        role: inventory.EndpointRole.ENDPOINT_ROLE_INITIATOR,
        entity: { type: inventory.EndpointEntityType.ENDPOINT_ENTITY_TYPE_HOST, id: 'h1' },
        servesDeviceIds: [],
      },
      {
        id: 'jbof1.port0',
        role: inventory.EndpointRole.ENDPOINT_ROLE_TARGET,
        entity: { type: inventory.EndpointEntityType.ENDPOINT_ENTITY_TYPE_DEVICE, id: 'jbof1-nic' },
        servesDeviceIds: ['jbof1-d01', 'jbof1-d02'],
      },
    ]);
  });

  it('reads the served devices back from the JSON form clients may use', () => {
    const json = inventory.Fabric.toJSON(fabricOf(nvmeFabric)) as {
      endpoints: { servesDeviceIds?: string[] }[];
    };

    expect(json.endpoints.map((endpoint) => endpoint.servesDeviceIds)).toEqual([
      undefined,
      ['jbof1-d01', 'jbof1-d02'],
    ]);
    expect(inventory.Fabric.fromJSON(json).endpoints[1]?.servesDeviceIds).toEqual([
      'jbof1-d01',
      'jbof1-d02',
    ]);
  });
});
