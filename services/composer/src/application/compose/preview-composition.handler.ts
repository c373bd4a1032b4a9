import {
  type Assignment,
  CompositionSpecInvalidError,
  scheduler,
  type UnschedulableGroup,
  validateCompositionSpec,
} from '@tessera/composer-domain';
import type { QuotaDeps } from '../quotas/quota-store.js';
import { schedulerConfigWithQuotas } from '../quotas/scheduler-config-with-quotas.js';
import { resolveSpec } from '../templates/resolve-spec.js';
import type { TemplateDeps } from '../templates/template-repository.js';
import { type ComposeDeps, pluginRegistryOf } from './compose-deps.js';
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
 * throws `CompositionSpecInvalidError` listing all of them; a spec naming a template is
 * rendered first (`resolveSpec`). With a quota store the tenant's quotas and usage are read
 * first, so that a spec a create would fail for a quota previews as unschedulable.
 */
export async function previewComposition(
  deps: Pick<ComposeDeps, 'candidates' | 'schedulerConfig' | 'pluginRegistry'> &
    TemplateDeps &
    Partial<QuotaDeps>,
  spec: unknown,
): Promise<CompositionPreview> {
  const validation = validateCompositionSpec(await resolveSpec(deps.templates, spec));
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const outcome = scheduler.preview(
    schedulingRequestOf(validation.spec),
    await deps.candidates(),
    await schedulerConfigWithQuotas(deps, validation.spec.tenant),
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
