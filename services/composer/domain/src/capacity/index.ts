/** Capacity and what-if (issue point 9): how many compositions fit, what is short. Pure. */
export { capacityByKind } from './capacity-by-kind.js';
export { InvalidCapacityQuestionError } from './capacity-errors.js';
export { capacityOf } from './capacity-of.js';
export {
  maxCapacityLimit,
  type CapacityAnswer,
  type CapacityQuestion,
  type GroupShortage,
  type KindCapacity,
  type Shortage,
} from './capacity-types.js';
