import {
  isDeviceFilter,
  isDeviceScorer,
  isGroupPreFilter,
  isHostFilter,
  isHostScorer,
  isPlacement,
  isReserver,
  type DeviceFilterPlugin,
  type DeviceScorePlugin,
  type GroupPreFilterPlugin,
  type HostFilterPlugin,
  type HostScorePlugin,
  type PlacementPlugin,
  type ReservePlugin,
  type SchedulerPlugin,
} from './framework.js';
import { type PackingStrategy, type PluginSettings, type TenantQuotas } from './plugin-settings.js';
import { assumeInIndexPlugin } from './plugins/assume-in-index.js';
import { deviceConditionPlugin, hostConditionPlugin } from './plugins/condition.js';
import { deviceCapacityPlugin } from './plugins/device-capacity.js';
import { deviceSelectorPlugin } from './plugins/device-selector.js';
import { fabricReachPlugin } from './plugins/fabric-reach.js';
import { failureDomainSpreadPlugin } from './plugins/failure-domain-spread.js';
import { hostSelectorPlugin } from './plugins/host-selector.js';
import { nearnessPlugin } from './plugins/nearness.js';
import { packingPlugin } from './plugins/packing.js';
import { sameSwitchPlugin } from './plugins/same-switch.js';
import { tenantQuotaPlugin } from './plugins/tenant-quota.js';
import { InvalidSchedulerConfigError } from './scheduler-errors.js';

export type PluginFactory = (settings: PluginSettings) => SchedulerPlugin;

/** Plugin name → factory. The name is also the plugin's `name` (explanations use it). */
export type PluginRegistry = Readonly<Record<string, PluginFactory>>;

export const builtinPlugins = {
  HostCondition: () => hostConditionPlugin,
  HostSelector: () => hostSelectorPlugin,
  TenantQuota: tenantQuotaPlugin,
  DeviceSelector: () => deviceSelectorPlugin,
  DeviceCondition: () => deviceConditionPlugin,
  DeviceCapacity: () => deviceCapacityPlugin,
  FabricReach: () => fabricReachPlugin,
  SameSwitch: () => sameSwitchPlugin,
  FailureDomainSpread: () => failureDomainSpreadPlugin,
  Packing: packingPlugin,
  Nearness: () => nearnessPlugin,
  AssumeInIndex: () => assumeInIndexPlugin,
} as const satisfies PluginRegistry;

export type BuiltinPluginName = keyof typeof builtinPlugins;

export interface WeightedScorer {
  readonly plugin: string;
  readonly weight: number;
}

export interface SchedulerConfig {
  /** Filters of every kind (host, group pre-filter, device, placement), run in this order. */
  readonly filters: readonly string[];
  readonly scorers: readonly WeightedScorer[];
  /** Run in order once a host is chosen; skipped by previews. */
  readonly reservers: readonly string[];
  readonly strategy: PackingStrategy;
  /** How many feasible hosts are scored at most (the search stops looking after them). */
  readonly maxHostsToScore?: number;
  readonly quotas?: TenantQuotas;
}

export const defaultMaxHostsToScore = 32;

export const defaultSchedulerConfig = {
  filters: [
    'HostCondition',
    'HostSelector',
    'TenantQuota',
    'DeviceSelector',
    'DeviceCondition',
    'DeviceCapacity',
    'FabricReach',
    'SameSwitch',
    'FailureDomainSpread',
  ],
  scorers: [
    { plugin: 'Packing', weight: 1 },
    { plugin: 'Nearness', weight: 1 },
  ],
  reservers: ['AssumeInIndex'],
  strategy: 'binpack',
} as const satisfies SchedulerConfig & { readonly filters: readonly BuiltinPluginName[] };

/** The plugins of one configuration, sorted by extension point, in configuration order. */
export interface Framework {
  readonly hostFilters: readonly HostFilterPlugin[];
  readonly groupPreFilters: readonly GroupPreFilterPlugin[];
  /** The device filters in order: the leading per-device ones, then the rest. */
  readonly deviceFilters: {
    readonly perDevice: readonly DeviceFilterPlugin[];
    readonly perRoute: readonly DeviceFilterPlugin[];
  };
  readonly placements: readonly PlacementPlugin[];
  readonly hostScorers: readonly { plugin: HostScorePlugin; weight: number }[];
  /** The device scorers in order: the leading per-device ones, then the rest. */
  readonly deviceScorers: {
    readonly perDevice: readonly { plugin: DeviceScorePlugin; weight: number }[];
    readonly perRoute: readonly { plugin: DeviceScorePlugin; weight: number }[];
  };
  readonly reservers: readonly ReservePlugin[];
  readonly maxHostsToScore: number;
}

/** Throws InvalidSchedulerConfigError naming the first plugin that is unknown or misplaced. */
export function buildFramework(
  config: SchedulerConfig,
  registry: PluginRegistry = builtinPlugins,
): Framework {
  const settings: PluginSettings = {
    strategy: config.strategy,
    quotas: config.quotas ?? { limits: {}, usage: {} },
  };
  const create = (name: string): SchedulerPlugin => {
    const factory = registry[name];
    if (!factory) throw new InvalidSchedulerConfigError(name, 'not registered');
    return factory(settings);
  };
  const filters = config.filters.map(create);
  const unusable = filters.find(
    (p) => !(isHostFilter(p) || isGroupPreFilter(p) || isDeviceFilter(p) || isPlacement(p)),
  );
  if (unusable) throw new InvalidSchedulerConfigError(unusable.name, 'is not a filter');
  const scorers = config.scorers.map(({ plugin, weight }) => {
    const created = create(plugin);
    if (!(isHostScorer(created) || isDeviceScorer(created)) || !(weight >= 0)) {
      throw new InvalidSchedulerConfigError(plugin, 'is not a scorer with a weight >= 0');
    }
    return { plugin: created, weight };
  });
  const reservers = config.reservers.map((name) => {
    const created = create(name);
    if (!isReserver(created)) throw new InvalidSchedulerConfigError(name, 'is not a reserver');
    return created;
  });
  const maxHostsToScore = config.maxHostsToScore ?? defaultMaxHostsToScore;
  if (!Number.isInteger(maxHostsToScore) || maxHostsToScore < 1) {
    throw new InvalidSchedulerConfigError('maxHostsToScore', 'must be a whole number >= 1');
  }
  return {
    hostFilters: filters.filter(isHostFilter),
    groupPreFilters: filters.filter(isGroupPreFilter),
    deviceFilters: splitLeading(filters.filter(isDeviceFilter), (p) => p.perDevice === true),
    placements: filters.filter(isPlacement),
    hostScorers: scorers.flatMap(({ plugin, weight }) =>
      isHostScorer(plugin) ? [{ plugin, weight }] : [],
    ),
    deviceScorers: splitLeading(
      scorers.flatMap(({ plugin, weight }) => (isDeviceScorer(plugin) ? [{ plugin, weight }] : [])),
      ({ plugin }) => plugin.perDevice === true,
    ),
    reservers,
    maxHostsToScore,
  };
}

/**
 * The leading run of items that are per device, and the rest in order: a per-device plugin
 * after a per-route one stays in the rest, so plugins still run (and refuse) in configured order.
 */
function splitLeading<T>(
  items: readonly T[],
  perDevice: (item: T) => boolean,
): { readonly perDevice: T[]; readonly perRoute: T[] } {
  const lead = items.findIndex((item) => !perDevice(item));
  const end = lead === -1 ? items.length : lead;
  return { perDevice: items.slice(0, end), perRoute: items.slice(end) };
}
