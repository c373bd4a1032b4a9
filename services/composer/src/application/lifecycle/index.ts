/** A ready composition's changes: expand, shrink, decompose; and resuming stalled ones. */
export { decomposeComposition } from './decompose-composition.handler.js';
export { expandComposition } from './expand-composition.handler.js';
export { ExpansionUnschedulableError } from './lifecycle-errors.js';
export type {
  DecomposeCompositionCommand,
  ExpandCompositionCommand,
  ShrinkCompositionCommand,
} from './lifecycle.command.js';
export { shrinkComposition } from './shrink-composition.handler.js';
export {
  type ResumeReport,
  type ResumeStalledDeps,
  resumeStalledCompositions,
} from './resume-stalled-compositions.js';
export type { StalledCompositions } from './stalled-compositions.js';
