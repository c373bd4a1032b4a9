/** Capacity and what-if for planners (issue point 9). */
export type {
  CapacityForQuery,
  CapacityReport,
  CapacityStep,
  CapacityTimelineQuery,
  TimeWindow,
} from './capacity.query.js';
export { capacityFor, type CapacityDeps } from './capacity-for.handler.js';
export { capacityTimeline, maxTimelineSteps } from './capacity-timeline.handler.js';
export { noPromisedDevices, type PromisedDevices } from './promised-devices.js';
