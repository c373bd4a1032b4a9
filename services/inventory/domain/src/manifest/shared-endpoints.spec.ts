import { describe, expect, it } from 'vitest';
import { computeReachability, type InventorySnapshot } from '@tessera/hardware';
import { parseManifest } from './parse-manifest.js';
import { changedAll } from './test-support/edit-document.js';
import { exampleManifest } from './test-support/example-manifest.js';

const jbofPort = 'fra1-r01-jbof1-d01.nvme';
const jbofDevices = 'racks[0].enclosures[2].devices';

/** A drive of the example's JBOF declaring the given endpoints. */
const drive = (id: string, endpoints: { fabric: string; id: string }[]) => ({
  id,
  kind: 'nvme',
  vendor: 'Samsung',
  model: 'PM1743',
  serial: `sn-${id}`,
  endpoints,
});

function snapshotOf(changes: [string, unknown][]): InventorySnapshot {
  const result = parseManifest(changedAll(exampleManifest(), changes));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.snapshot;
}

describe('manifest endpoints shared by several devices', () => {
  it('makes one target endpoint of an id several devices of a fabric declare', () => {
    // given two more drives of the JBOF behind the first drive's NVMe/TCP port
    const snapshot = snapshotOf([
      [`${jbofDevices}[1]`, drive('fra1-r01-jbof1-d02', [{ fabric: 'fra1-nvme', id: jbofPort }])],
      [`${jbofDevices}[2]`, drive('fra1-r01-jbof1-d03', [{ fabric: 'fra1-nvme', id: jbofPort }])],
    ]);

    // then the fabric has one endpoint for it: the first drive's, serving the two others
    const nvme = snapshot.fabrics.find((fabric) => fabric.id === 'fra1-nvme');
    expect(nvme?.endpoints.filter((endpoint) => endpoint.id === jbofPort)).toEqual([
      {
        id: jbofPort,
        role: 'target',
        entity: { type: 'device', id: 'fra1-r01-jbof1-d01' },
        servesDeviceIds: ['fra1-r01-jbof1-d02', 'fra1-r01-jbof1-d03'],
      },
    ]);
    expect(
      snapshot.devices
        .filter((device) => device.enclosureId === 'fra1-r01-jbof1')
        .map((device) => device.attachments),
    ).toEqual([
      [{ fabricId: 'fra1-nvme', endpointId: jbofPort }],
      [{ fabricId: 'fra1-nvme', endpointId: jbofPort }],
      [{ fabricId: 'fra1-nvme', endpointId: jbofPort }],
    ]);

    // and the hosts its zone and its connection admit reach every drive through it
    const reachability = computeReachability(snapshot);
    for (const hostId of ['fra1-r01-h01', 'fra1-r01-h02']) {
      expect(
        reachability
          .devicesReachableFrom(hostId)
          .filter((route) => route.fabricId === 'fra1-nvme')
          .map((route) => [route.deviceId, route.switchPath]),
      ).toEqual([
        ['fra1-r01-jbof1-d01', ['fra1-r01-leaf']],
        ['fra1-r01-jbof1-d02', ['fra1-r01-leaf']],
        ['fra1-r01-jbof1-d03', ['fra1-r01-leaf']],
      ]);
    }
  });

  it('keeps one id declared on two fabrics as two endpoints, each its own device', () => {
    // given a second drive using the first drive's endpoint id on the PCIe fabric
    const snapshot = snapshotOf([
      [
        `${jbofDevices}[1]`,
        drive('fra1-r01-jbof1-d02', [{ fabric: 'fra1-r01-pcie', id: jbofPort }]),
      ],
    ]);

    const endpointsNamed = snapshot.fabrics.map((fabric) => [
      fabric.id,
      fabric.endpoints.filter((endpoint) => endpoint.id === jbofPort),
    ]);
    expect(endpointsNamed).toEqual([
      [
        'fra1-r01-pcie',
        [{ id: jbofPort, role: 'target', entity: { type: 'device', id: 'fra1-r01-jbof1-d02' } }],
      ],
      [
        'fra1-nvme',
        [{ id: jbofPort, role: 'target', entity: { type: 'device', id: 'fra1-r01-jbof1-d01' } }],
      ],
    ]);
  });
});
