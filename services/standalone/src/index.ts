/**
 * @tessera/standalone: the whole control plane in one process (`npm start`; see
 * services/standalone/README.md). The entry point is `src/cli/main.ts`; this module lets tests
 * and tools start it in-process.
 */
export {
  type AdminToken,
  adminTokenDisplay,
  adminTokenFile,
  type AdminTokenShown,
  type AdminTokenSource,
  resolveAdminToken,
} from './admin-token.js';
export {
  demoLabName,
  type DemoLabOutcome,
  importDemoLabIfEmpty,
  type LabSize,
} from './demo-lab.js';
export { type RunningStandalone, startStandalone, type StandaloneOptions } from './standalone.js';
export { waitForSchedulerToKnowHosts } from './scheduler-ready.js';
export { loadStandaloneConfig, type StandaloneConfig } from './standalone-config.js';
export { standaloneDatabaseName } from './standalone-database.js';
export {
  DataDirInUseError,
  SavedAdminTokenInvalidError,
  StandaloneError,
  type StandaloneErrorCode,
} from './standalone-errors.js';
