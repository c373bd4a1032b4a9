/** Auto-heal: replacing a failed device of a ready composition that asks for it. */
export type {
  HealDeps,
  HealingOutcome,
  ReplaceFailedDeviceCommand,
} from './replace-failed-device.command.js';
export { replaceFailedDevice } from './replace-failed-device.handler.js';
