export {
  CandidateIndex,
  type Candidate,
  type DeviceRecord,
  type Health,
  type HostRecord,
  type Lifecycle,
  type RouteRecord,
} from './candidate-index.js';
export type {
  DemandExplanation,
  GroupExplanation,
  HostExplanation,
  Unschedulable,
} from './explain.js';
export {
  isDeviceFilter,
  isDeviceScorer,
  isGroupPreFilter,
  isHostFilter,
  isHostScorer,
  isPlacement,
  isReserver,
  type Decision,
  type DeviceFilterPlugin,
  type DeviceScorePlugin,
  type GroupContext,
  type GroupPreFilterPlugin,
  type HostFilterPlugin,
  type HostScorePlugin,
  type Placement,
  type PlacementPlugin,
  type Plugin,
  type ReservePlugin,
  type ScheduledGroup,
  type SchedulerPlugin,
  type SchedulingCycle,
  type ScoredCandidate,
} from './framework.js';
export type {
  PackingStrategy,
  PluginSettings,
  TenantKindCounts,
  TenantQuotas,
} from './plugin-settings.js';
export { leafSwitchOf } from './plugins/same-switch.js';
export {
  buildFramework,
  builtinPlugins,
  defaultMaxHostsToScore,
  defaultSchedulerConfig,
  type BuiltinPluginName,
  type Framework,
  type PluginFactory,
  type PluginRegistry,
  type SchedulerConfig,
  type WeightedScorer,
} from './registry.js';
export { preview, schedule, unreserve, type ScheduleOutcome } from './schedule.js';
export { InvalidSchedulerConfigError } from './scheduler-errors.js';
export {
  deviceAttributeNames,
  deviceKinds,
  type AttributeSelector,
  type DeviceAttributeName,
  type DeviceAttributes,
  type DeviceDemand,
  type DeviceKind,
  type DeviceSelector,
  type GroupConstraints,
  type GroupRequest,
  type HostRequest,
  type HostSelector,
  type IdentitySelector,
  type Labels,
  type NumericOperator,
  type SchedulingRequest,
} from './scheduling-request.js';
export { pluginError, success, unschedulable, type Failure, type Status } from './status.js';
