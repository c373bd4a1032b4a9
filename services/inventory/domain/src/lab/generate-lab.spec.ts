import { describe, expect, it } from 'vitest';
import { type InventorySnapshot } from '@tessera/hardware';
import { parseManifest } from '../manifest/index.js';
import { generateLab } from './generate-lab.js';
import { LabOptionsInvalidError, type LabOptions } from './lab-options.js';

function snapshotOf(options: LabOptions): InventorySnapshot {
  const result = parseManifest(generateLab(options));
  if (!result.ok)
    throw new Error(`lab has problems: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.snapshot;
}

const sizes: LabOptions[] = [
  { seed: 1, hosts: 1 },
  { seed: 2, hosts: 12, devices: 5 },
  { seed: 3, hosts: 100 },
  { seed: 4, hosts: 100, devices: 1_000 },
  { seed: 5, hosts: 640, devices: 2_000 },
  { seed: 6, hosts: 300, devices: 0 },
  { seed: 7, hosts: 2_000, devices: 60_000 },
];

describe('generateLab', () => {
  it('generates the same lab for the same seed and another for another seed', () => {
    const options = { seed: 11, hosts: 120 };
    expect(generateLab(options)).toStrictEqual(generateLab(options));
    expect(generateLab({ ...options, seed: 12 })).not.toEqual(generateLab(options));
  });

  it.each(sizes)(
    'holds the requested hosts and devices (within 5 %) and parses with no problem: %o',
    (options) => {
      const snapshot = snapshotOf(options);
      const devices = options.devices ?? options.hosts * 10;
      expect(snapshot.hosts).toHaveLength(options.hosts);
      expect(Math.abs(snapshot.devices.length - devices)).toBeLessThanOrEqual(devices * 0.05);
    },
  );

  it('generates 10,000 hosts and 100,000 devices that parse with no problem', () => {
    const snapshot = snapshotOf({ seed: 7, hosts: 10_000, devices: 100_000 });
    expect(snapshot.hosts).toHaveLength(10_000);
    expect(Math.abs(snapshot.devices.length - 100_000)).toBeLessThanOrEqual(5_000);
    expect(snapshot.sites.length).toBeGreaterThanOrEqual(4);
  });

  it('gives every host, device, enclosure, fabric and endpoint its own id', () => {
    const snapshot = snapshotOf({ seed: 8, hosts: 700 });
    const unique = (ids: readonly string[]): boolean => new Set(ids).size === ids.length;
    expect(unique(snapshot.hosts.map((host) => host.id))).toBe(true);
    expect(unique(snapshot.devices.map((device) => device.id))).toBe(true);
    expect(unique(snapshot.enclosures.map((enclosure) => enclosure.id))).toBe(true);
    expect(unique(snapshot.fabrics.map((fabric) => fabric.id))).toBe(true);
    for (const fabric of snapshot.fabrics) {
      expect(unique(fabric.endpoints.map((endpoint) => endpoint.id))).toBe(true);
    }
  });

  it('honours the number of sites asked for', () => {
    expect(snapshotOf({ seed: 9, hosts: 90, sites: 3 }).sites).toHaveLength(3);
  });

  it('refuses options out of range, naming the option', () => {
    const refused = (options: LabOptions): unknown => {
      try {
        generateLab(options);
        return undefined;
      } catch (error) {
        return error instanceof LabOptionsInvalidError ? error.option : error;
      }
    };
    expect(refused({ seed: 1, hosts: 0 })).toBe('hosts');
    expect(refused({ seed: 1, hosts: 2.5 })).toBe('hosts');
    expect(refused({ seed: 1, hosts: 10, devices: -1 })).toBe('devices');
    expect(refused({ seed: 1, hosts: 10, sites: 11 })).toBe('sites');
    expect(refused({ seed: 0.5, hosts: 10 })).toBe('seed');
  });
});
