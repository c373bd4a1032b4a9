/** Adapters of the attach saga: intent routing, the observation consumer, the deadline job. */
export { attachConsumerGroup, fleetTopic } from './attach-topics.js';
export { type DeadlineJob, runDeadlineJob } from './deadline-job.js';
export { LedgerDueAttaches } from './ledger-due-attaches.js';
export { subscribeToObservations } from './observation-consumer.js';
export { observationOf } from './observation-of.js';
