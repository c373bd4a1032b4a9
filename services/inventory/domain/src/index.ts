export * from './agents/index.js';
export * from './filters/index.js';
export * from './items/index.js';
export * from './lab/index.js';
export * from './manifest/index.js';
// The hardware model, item events and topology live in @tessera/hardware (shared with the composer).
export {
  deviceKinds,
  healthStates,
  type DeviceKind,
  type Health,
  type Labels,
  lifecycleStates,
  type Lifecycle,
  type DeviceAttributes,
  deviceAttributeNames,
  type DeviceAttributeName,
  type FabricAttachment,
  type DeviceSpec,
  fabricKinds,
  type FabricKind,
  type SwitchPortSpec,
  type SwitchSpec,
  type SwitchPartitionSpec,
  type EndpointSpec,
  type LinkSpec,
  type LinkEnd,
  type ZoneSpec,
  type ConnectionSpec,
  type FabricSpec,
  type SiteSpec,
  type RackSpec,
  enclosureKinds,
  type EnclosureKind,
  type EnclosureSpec,
  type HostSpec,
  type InventorySnapshot,
  emptySnapshot,
  computeReachability,
  routesOfFabric,
  type ReachabilityInput,
  diffReachability,
  type ReachabilityDiff,
  localFabric,
  type ReachabilityIndex,
  type Route,
} from '@tessera/hardware';
export * from './redfish/index.js';
export * from './sources/index.js';
export { sameJson } from './shared/same-json.js';
