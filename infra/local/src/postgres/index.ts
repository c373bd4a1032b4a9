export { startPostgres } from './start-postgres.js';
export { type ChildExit as PostgresExit } from '../process/index.js';
export { type LocalPostgres, type PostgresSettings, type StartPostgresOptions } from './types.js';
export { type RunAs, UNPRIVILEGED } from './run-as.js';
export {
  DataDirUnreachableError,
  InitdbFailedError,
  LeftoverPostmasterError,
  LocalPostgresError,
  type LocalPostgresErrorCode,
  PostgresBinariesMissingError,
  PostgresExitedDuringStartError,
  PostgresStartTimeoutError,
  UnsupportedPlatformError,
} from './errors.js';
