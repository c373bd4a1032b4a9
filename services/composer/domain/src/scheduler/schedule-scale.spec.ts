import { describe, expect, it } from 'vitest';
import { type Candidate, CandidateIndex } from './candidate-index.js';
import { builtinPlugins, defaultSchedulerConfig, type PluginRegistry } from './registry.js';
import { preview } from './schedule.js';
import { type SchedulingRequest } from './scheduling-request.js';
import { success } from './status.js';
import { device, host, route } from './test-support/pool.js';

const racks = 50;
const hostsPerRack = 40;
const enclosuresPerRack = 10;
/** Per enclosure: 20 GPUs (every other one 40 GiB) and 20 NVMe drives. */
const perKind = 20;
const hostCount = racks * hostsPerRack;
const deviceCount = racks * enclosuresPerRack * perKind * 2;
/** Each host reaches two enclosures of its rack. */
const reachablePerKind = 2 * perKind;

function widePool(): CandidateIndex {
  const index = new CandidateIndex();
  for (let r = 0; r < racks; r += 1) {
    const rackId = `r${r}`;
    const enclosures: string[][] = [];
    for (let e = 0; e < enclosuresPerRack; e += 1) {
      const enclosureId = `${rackId}-e${e}`;
      const ids: string[] = [];
      for (let d = 0; d < perKind; d += 1) {
        const gpu = device(`${enclosureId}-g${d}`, {
          enclosureId,
          rackId,
          attributes: { memoryGiB: d % 2 === 0 ? 80 : 40 },
        });
        const nvme = device(`${enclosureId}-n${d}`, { kind: 'nvme', enclosureId, rackId });
        index.upsertDevice(gpu);
        index.upsertDevice(nvme);
        ids.push(gpu.id, nvme.id);
      }
      enclosures.push(ids);
    }
    for (let h = 0; h < hostsPerRack; h += 1) {
      const hostId = `${rackId}-h${String(h).padStart(2, '0')}`;
      index.upsertHost(host(hostId, { rackId }));
      const near = [h % enclosuresPerRack, (h + 1) % enclosuresPerRack];
      index.setRoutes(
        hostId,
        near.flatMap((e) => (enclosures[e] ?? []).map((id) => route(id, [`${rackId}-sw${e}`]))),
      );
    }
  }
  return index;
}

function countingRegistry() {
  const calls = { hosts: 0, devices: 0, perDevice: new Map<string, number>() };
  const registry = {
    ...builtinPlugins,
    Counting: () => ({
      name: 'Counting',
      filterHost: () => {
        calls.hosts += 1;
        return success;
      },
      filterDevice: () => {
        calls.devices += 1;
        return success;
      },
    }),
    CountingPerDevice: () => ({
      name: 'CountingPerDevice',
      perDevice: true,
      filterDevice: (candidate: Candidate) => {
        const { id } = candidate.device;
        calls.perDevice.set(id, (calls.perDevice.get(id) ?? 0) + 1);
        return success;
      },
    }),
  } satisfies PluginRegistry;
  return { calls, registry };
}

const config = {
  ...defaultSchedulerConfig,
  filters: ['CountingPerDevice', 'Counting', ...defaultSchedulerConfig.filters],
};

describe('a wide pool (2,000 hosts, 20,000 devices)', () => {
  const index = widePool();

  it('examines a bounded number of candidates to schedule', () => {
    const { calls, registry } = countingRegistry();
    const request: SchedulingRequest = {
      tenant: 'acme',
      host: { selector: {} },
      groups: [
        {
          name: 'gpus',
          kind: 'gpu',
          count: 2,
          selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 80 }],
        },
        { name: 'drives', kind: 'nvme', count: 4, constraints: { spreadAcross: 'enclosure' } },
      ],
    };

    const outcome = preview(request, index, config, registry);

    expect(hostCount).toBe(2_000);
    expect(deviceCount).toBe(20_000);
    expect(outcome).toMatchObject({ outcome: 'scheduled' });
    expect(calls.hosts).toBe(32);
    expect(calls.devices).toBe(32 * 2 * reachablePerKind);
    expect(calls.devices).toBeLessThan((hostCount * deviceCount) / 10_000);
  });

  it('asks a per-device filter once per device and demand, however many hosts reach it', () => {
    const { calls, registry } = countingRegistry();
    const request: SchedulingRequest = {
      tenant: 'acme',
      host: { selector: {} },
      groups: [{ name: 'drives', kind: 'nvme', count: 4 }],
    };

    const outcome = preview(request, index, config, registry);

    expect(outcome).toMatchObject({ outcome: 'scheduled' });
    // 32 hosts of one rack, each reaching two of its ten enclosures: every drive of the rack's
    // enclosures is reached by several examined hosts, and each is asked about once.
    expect(calls.devices).toBe(32 * reachablePerKind);
    expect(calls.perDevice.size).toBe(enclosuresPerRack * perKind);
    expect(Math.max(...calls.perDevice.values())).toBe(1);
  });

  it('does not ask a route filter that cannot refuse anything for the demand', () => {
    const { calls, registry } = countingRegistry();
    const silent = {
      ...registry,
      Counting: () => ({ ...registry.Counting(), mayRefuse: () => false }),
    } satisfies PluginRegistry;
    const request: SchedulingRequest = {
      tenant: 'acme',
      host: { selector: {} },
      groups: [{ name: 'drives', kind: 'nvme', count: 4 }],
    };

    expect(preview(request, index, config, silent)).toEqual(
      preview(request, index, config, registry),
    );
    expect(calls.devices).toBe(32 * reachablePerKind);
    expect(calls.hosts).toBe(2 * 32);
  });

  it('looks only at each host’s reachable devices of the kind when nothing fits', () => {
    const { calls, registry } = countingRegistry();
    const request: SchedulingRequest = {
      tenant: 'acme',
      host: { selector: {} },
      groups: [
        {
          name: 'huge',
          kind: 'gpu',
          count: 1,
          selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 1_000 }],
        },
      ],
    };

    const outcome = preview(request, index, config, registry);

    expect(outcome).toMatchObject({
      outcome: 'unschedulable',
      hosts: { examined: hostCount },
      groups: [{ filteredBy: { DeviceSelector: deviceCount / 2 } }],
    });
    // Once to search, once more to explain why nothing fits (only failed decisions trace).
    expect(calls.devices).toBe(2 * hostCount * reachablePerKind);
    expect(calls.devices).toBeLessThan((hostCount * deviceCount) / 50);
  });
});
