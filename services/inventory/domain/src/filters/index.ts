export {
  comparisonOperators,
  deviceFilterProblems,
  type AttributeComparison,
  type ComparisonOperator,
  type DeviceFilter,
  type FilterProblem,
} from './device-filter.js';
export { parseDeviceFilter } from './parse-device-filter.js';
