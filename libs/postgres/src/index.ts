export { createPool, type PoolOptions } from './pool.js';
export { withTransaction, type IsolationLevel, type Queryable } from './transaction.js';
export { quoteIdentifier, InvalidIdentifierError } from './identifiers.js';
export { migrate, MigrationError, type Migration, type MigrationResult } from './migrations.js';
export {
  commitSafeAfter,
  commitSafeParameters,
  compareLogPositions,
  decodeLogPosition,
  encodeLogPosition,
  InvalidLogPositionError,
  logStart,
  type LogPosition,
} from './log-position.js';
export {
  listenForNotifications,
  notifySql,
  type NotificationListener,
  type NotificationListenerOptions,
} from './notifications.js';
export { LogTailer, type LogTailerOptions } from './log-tailer.js';
export { isTransientPostgresError } from './errors.js';
export { prepared } from './prepared.js';
