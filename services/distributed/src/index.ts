/**
 * @tessera/distributed: Tessera on one machine as separate processes, over a real Kafka broker
 * and Postgres (docs/operations.md). `npm run distributed` runs `src/cli/main.ts`;
 * `startDistributed` runs the same from another process (the end-to-end tests).
 */
export {
  defaultGrpcPorts,
  type DistributedOptions,
  type GrpcPorts,
  type RunningDistributed,
  startDistributed,
} from './distributed.js';
export { distributedVariables, loadDistributedConfig } from './distributed-config.js';
export type { AdminTokenSource, DemoLabOutcome, LabSize } from '@tessera/standalone';
export { DistributedError, type DistributedErrorCode } from './errors.js';
export { type LineSink } from './processes/log-lines.js';
export { type RunFrom, type ServiceName } from './processes/service-commands.js';
export { type PartEnd, type PartFailure } from './supervisor.js';
