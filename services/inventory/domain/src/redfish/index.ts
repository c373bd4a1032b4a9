export {
  mapRedfishToSnapshot,
  type MapRedfishOptions,
  type RedfishMapping,
} from './map-redfish.js';
export {
  normalizeRedfishPath,
  redfishServiceRoot,
  type RedfishResources,
} from './redfish-resources.js';
