export {
  deviceAttributeNames,
  deviceKinds,
  healthStates,
  type DeviceAttributeName,
  type DeviceKind,
  type Health,
  type Labels,
} from './vocabulary.js';
export { sameJson } from './same-json.js';
export * from './items/index.js';
export * from './model/index.js';
export * from './topology/index.js';
