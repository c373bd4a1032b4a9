import { describe, expect, it } from 'vitest';
import {
  buildFramework,
  builtinPlugins,
  defaultSchedulerConfig,
  type PluginRegistry,
} from './registry.js';
import { InvalidSchedulerConfigError } from './scheduler-errors.js';

describe('buildFramework', () => {
  it('sorts the configured plugins by extension point, in configuration order', () => {
    const framework = buildFramework(defaultSchedulerConfig);
    expect(framework.hostFilters.map((p) => p.name)).toEqual(['HostCondition', 'HostSelector']);
    expect(framework.groupPreFilters.map((p) => p.name)).toEqual(['TenantQuota']);
    expect(framework.deviceFilters.perDevice.map((p) => p.name)).toEqual([
      'DeviceSelector',
      'DeviceCondition',
      'DeviceCapacity',
    ]);
    expect(framework.deviceFilters.perRoute.map((p) => p.name)).toEqual([
      'FabricReach',
      'SameSwitch',
    ]);
    expect(framework.placements.map((p) => p.name)).toEqual(['SameSwitch', 'FailureDomainSpread']);
    expect(framework.hostScorers.map((s) => s.plugin.name)).toEqual(['Packing']);
    expect(framework.deviceScorers.perDevice.map((s) => s.plugin.name)).toEqual(['Packing']);
    expect(framework.deviceScorers.perRoute.map((s) => s.plugin.name)).toEqual(['Nearness']);
    expect(framework.reservers.map((p) => p.name)).toEqual(['AssumeInIndex']);
    expect(framework.maxHostsToScore).toBe(32);
  });

  it('keeps a per-device plugin configured after a per-route one in configured order', () => {
    const framework = buildFramework({
      ...defaultSchedulerConfig,
      filters: ['FabricReach', 'DeviceSelector', 'DeviceCondition'],
      scorers: [
        { plugin: 'Nearness', weight: 1 },
        { plugin: 'Packing', weight: 2 },
      ],
    });
    expect(framework.deviceFilters.perDevice).toEqual([]);
    expect(framework.deviceFilters.perRoute.map((p) => p.name)).toEqual([
      'FabricReach',
      'DeviceSelector',
      'DeviceCondition',
    ]);
    expect(framework.deviceScorers.perDevice).toEqual([]);
    expect(framework.deviceScorers.perRoute.map((s) => s.plugin.name)).toEqual([
      'Nearness',
      'Packing',
    ]);
  });

  it('names every built-in plugin by its registry key', () => {
    const settings = { strategy: 'spread', quotas: { limits: {}, usage: {} } } as const;
    for (const [name, factory] of Object.entries(builtinPlugins as PluginRegistry)) {
      expect(factory(settings).name).toBe(name);
    }
  });

  it('refuses unknown and misplaced plugins and bad settings', () => {
    const refusal = (change: object) => {
      try {
        buildFramework({ ...defaultSchedulerConfig, ...change });
        return undefined;
      } catch (error) {
        return error instanceof InvalidSchedulerConfigError ? [error.code, error.setting] : error;
      }
    };
    expect(refusal({ filters: ['Nope'] })).toEqual(['INVALID_SCHEDULER_CONFIG', 'Nope']);
    expect(refusal({ filters: ['Nearness'] })).toEqual(['INVALID_SCHEDULER_CONFIG', 'Nearness']);
    expect(refusal({ scorers: [{ plugin: 'DeviceSelector', weight: 1 }] })).toEqual([
      'INVALID_SCHEDULER_CONFIG',
      'DeviceSelector',
    ]);
    expect(refusal({ scorers: [{ plugin: 'Nearness', weight: -1 }] })).toEqual([
      'INVALID_SCHEDULER_CONFIG',
      'Nearness',
    ]);
    expect(refusal({ reservers: ['Packing'] })).toEqual(['INVALID_SCHEDULER_CONFIG', 'Packing']);
    expect(refusal({ maxHostsToScore: 0 })).toEqual([
      'INVALID_SCHEDULER_CONFIG',
      'maxHostsToScore',
    ]);
  });
});
