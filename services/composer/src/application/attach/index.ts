/** The attach saga: from `scheduled` to `ready` (or `failed`) through the attach contract. */
export type { AttachObservation } from './attach-observation.js';
export { checkDeadlines, type CheckDeadlinesDeps } from './check-deadlines.handler.js';
export { scheduleAndAttach } from './compose-and-attach.js';
export type { DueAttaches } from './due-attaches.js';
export {
  type ObservationOutcome,
  recordObservation,
  recordObservations,
} from './record-observation.handler.js';
export { startAttaching } from './start-attaching.handler.js';
