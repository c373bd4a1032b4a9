import {
  type Assignment,
  CompositionSpecInvalidError,
  scheduler,
  type UnschedulableGroup,
  validateCompositionSpec,
} from '@tessera/composer-domain';
import { type ComposeDeps, pluginRegistryOf, schedulerConfigOf } from './compose-deps.js';
import {
  assignmentOf,
  schedulingRequestOf,
  unschedulableGroupsOf,
} from './scheduling-request-of.js';

/** What the scheduler would choose for a spec now, or why nothing fits. Holds nothing. */
export type CompositionPreview =
  | { readonly outcome: 'fits'; readonly assignment: Assignment }
  | {
      readonly outcome: 'unschedulable';
      /** Why no host qualified, with how many hosts were examined. */
      readonly reason: string;
      readonly hostsExamined: number;
      readonly groups: readonly UnschedulableGroup[];
    }
  /** A scheduler plugin could not decide (bad settings, inconsistent view). */
  | { readonly outcome: 'error'; readonly reason: string };

/**
 * Previews a spec (ARCHITECTURE.md, "Composition lifecycle": Preview): the same decision and
 * explanations as a request, without storing or reserving anything. A spec with problems
 * throws `CompositionSpecInvalidError` listing all of them.
 */
export async function previewComposition(
  deps: Pick<ComposeDeps, 'candidates' | 'schedulerConfig' | 'pluginRegistry'>,
  spec: unknown,
): Promise<CompositionPreview> {
  const validation = validateCompositionSpec(spec);
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const outcome = scheduler.preview(
    schedulingRequestOf(validation.spec),
    await deps.candidates(),
    schedulerConfigOf(deps),
    pluginRegistryOf(deps),
  );
  switch (outcome.outcome) {
    case 'scheduled':
      return { outcome: 'fits', assignment: assignmentOf(outcome) };
    case 'unschedulable':
      return {
        outcome: 'unschedulable',
        reason: outcome.hosts.reason,
        hostsExamined: outcome.hosts.examined,
        groups: unschedulableGroupsOf(outcome),
      };
    case 'error':
      return {
        outcome: 'error',
        reason: `scheduler plugin ${outcome.plugin} could not decide: ${outcome.message}`,
      };
  }
}
