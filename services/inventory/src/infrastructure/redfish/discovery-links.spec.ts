import { describe, expect, it } from 'vitest';
import { discoveryLinks } from './discovery-links.js';

const origin = 'http://127.0.0.1:8000';

describe('the links discovery follows', () => {
  it('follows members and hardware links inside the discovery trees, normalized', () => {
    const chassis = {
      '@odata.id': '/redfish/v1/Chassis/1',
      Drives: { '@odata.id': '/redfish/v1/Chassis/1/Drives/' },
      Links: {
        ComputerSystems: [{ '@odata.id': '/redfish/v1/Systems/1' }],
        ManagedBy: [{ '@odata.id': '/redfish/v1/Managers/BMC' }],
      },
      ConnectedEntities: [
        { EntityLink: { '@odata.id': `${origin}/redfish/v1/Chassis/1/Processors/gpu` } },
      ],
    };

    expect(discoveryLinks(chassis, origin)).toEqual([
      '/redfish/v1/Chassis/1/Drives',
      '/redfish/v1/Systems/1',
      '/redfish/v1/Chassis/1/Processors/gpu',
    ]);
  });

  it('skips other origins, other trees, telemetry, Oem, Actions and annotations', () => {
    const body = {
      Members: [
        { '@odata.id': 'http://elsewhere:8000/redfish/v1/Chassis/2' },
        { '@odata.id': '/redfish/v1/Managers/1' },
      ],
      Thermal: { '@odata.id': '/redfish/v1/Chassis/1/Thermal' },
      Oem: { Contoso: { Drives: { '@odata.id': '/redfish/v1/Chassis/1/OemDrives' } } },
      Actions: {
        '#Chassis.Reset': { Drives: { '@odata.id': '/redfish/v1/Chassis/1/ActionDrives' } },
      },
      '@Redfish.CollectionCapabilities': {
        Capabilities: [{ Members: [{ '@odata.id': '/redfish/v1/Systems/Capabilities' }] }],
      },
    };

    expect(discoveryLinks(body, origin)).toEqual([]);
  });
});
