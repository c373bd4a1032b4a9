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
