/** Crash recovery: the sweep of compositions left half way, and who holds a device. */
export { LedgerCompositionsHoldingDevice } from './ledger-compositions-holding-device.js';
export {
  type RecoverySweep,
  type RecoverySweepOptions,
  runRecoverySweep,
  sweepStalledCompositions,
} from './recovery-sweep.js';
export { StoreStalledCompositions } from './store-stalled-compositions.js';
