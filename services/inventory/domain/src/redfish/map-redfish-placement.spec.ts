import { describe, expect, it } from 'vitest';
import { mapRedfishToSnapshot } from './map-redfish.js';
import {
  crawlOf,
  jbofWith,
  mapBodies,
  nvmeDrive,
  ref,
  refs,
} from './test-support/redfish-builders.js';

describe('mapping a Redfish crawl: ids and placement', () => {
  it('namespaces every id by the source, so two services never collide', () => {
    const bodies = jbofWith({ '/redfish/v1/Chassis/jbof/Drives/1': nvmeDrive() });

    const first = mapBodies(bodies, 'bmc-a').snapshot;
    const second = mapBodies(bodies, 'bmc-b').snapshot;

    expect(first.devices[0]?.id).toBe('bmc-a:/redfish/v1/Chassis/jbof/Drives/1');
    expect(second.devices[0]?.id).toBe('bmc-b:/redfish/v1/Chassis/jbof/Drives/1');
    expect(second.enclosures[0]).toMatchObject({
      id: 'bmc-b:/redfish/v1/Chassis/jbof',
      rackId: 'bmc-b:rack',
    });
  });

  it('puts enclosures without a stated rack in one synthetic site and rack, and leaves hosts unracked', () => {
    const { snapshot } = mapBodies({
      '/redfish/v1/Chassis/a': { ChassisType: 'Enclosure' },
      '/redfish/v1/Chassis/b': { ChassisType: 'Sled' },
      '/redfish/v1/Systems/h': { Links: { Chassis: refs('/redfish/v1/Chassis/b') } },
    });

    expect(snapshot.sites).toEqual([{ id: 'bmc:site', name: 'bmc (site not reported)' }]);
    expect(snapshot.racks).toEqual([
      { id: 'bmc:rack', siteId: 'bmc:site', name: 'bmc (rack not reported)' },
    ]);
    expect(snapshot.enclosures.map((enclosure) => enclosure.rackId)).toEqual([
      'bmc:rack',
      'bmc:rack',
    ]);
    expect(snapshot.hosts[0]).not.toHaveProperty('rackId');
  });

  it('takes racks from an enclosing Rack chassis or from Location.Placement.Rack', () => {
    const { snapshot } = mapBodies({
      '/redfish/v1/Chassis/rack12': {
        ChassisType: 'Rack',
        Name: 'Rack 12',
        Location: { PostalAddress: { Building: 'DC West' } },
      },
      '/redfish/v1/Chassis/sled': {
        ChassisType: 'Sled',
        Links: { ContainedBy: ref('/redfish/v1/Chassis/rack12') },
      },
      '/redfish/v1/Chassis/jbof': {
        ChassisType: 'StorageEnclosure',
        Location: { Placement: { Rack: 'R 7' } },
      },
      '/redfish/v1/Systems/h': { Links: { Chassis: refs('/redfish/v1/Chassis/sled') } },
    });

    expect(snapshot.sites).toEqual([
      { id: 'bmc:site', name: 'bmc (site not reported)' },
      { id: 'bmc:site:DC-West', name: 'DC West' },
    ]);
    expect(snapshot.racks).toEqual([
      { id: 'bmc:/redfish/v1/Chassis/rack12', siteId: 'bmc:site:DC-West', name: 'Rack 12' },
      { id: 'bmc:rack:R-7', siteId: 'bmc:site', name: 'R 7' },
    ]);
    expect(snapshot.enclosures.map(({ id, kind, rackId }) => ({ id, kind, rackId }))).toEqual([
      { id: 'bmc:/redfish/v1/Chassis/jbof', kind: 'jbof', rackId: 'bmc:rack:R-7' },
      {
        id: 'bmc:/redfish/v1/Chassis/sled',
        kind: 'compute-sled',
        rackId: 'bmc:/redfish/v1/Chassis/rack12',
      },
    ]);
    expect(snapshot.hosts[0]?.rackId).toBe('bmc:/redfish/v1/Chassis/rack12');
  });

  it('gives equal snapshots for equal crawls, whatever order the resources came in', () => {
    const crawl = crawlOf(
      jbofWith({
        '/redfish/v1/Chassis/jbof/Drives/2': nvmeDrive(),
        '/redfish/v1/Chassis/jbof/Drives/1': nvmeDrive(),
      }),
    );
    const reversed = new Map([...crawl.entries()].reverse());

    const first = mapRedfishToSnapshot(crawl, { sourceId: 'bmc' });
    const second = mapRedfishToSnapshot(reversed, { sourceId: 'bmc' });

    expect(second).toEqual(first);
    expect(first.snapshot.devices.map((device) => device.id)).toEqual([
      'bmc:/redfish/v1/Chassis/jbof/Drives/1',
      'bmc:/redfish/v1/Chassis/jbof/Drives/2',
    ]);
  });
});
