import {
  capacityOf,
  CompositionSpecInvalidError,
  InvalidCapacityQuestionError,
  validateCompositionSpec,
} from '@tessera/composer-domain';
import { type ComposeDeps, pluginRegistryOf, schedulerConfigOf } from '../compose/compose-deps.js';
import {
  assignmentOf,
  schedulingRequestOf,
  unschedulableGroupsOf,
} from '../compose/scheduling-request-of.js';
import { resolveSpec } from '../templates/resolve-spec.js';
import type { TemplateDeps } from '../templates/template-repository.js';
import type { CapacityForQuery, CapacityReport, TimeWindow } from './capacity.query.js';
import type { PromisedDevices } from './promised-devices.js';

export type CapacityDeps = Pick<ComposeDeps, 'candidates' | 'schedulerConfig' | 'pluginRegistry'> &
  TemplateDeps & { readonly promised: PromisedDevices };

/** The name given to a what-if spec that has none: names do not change where things fit. */
const whatIfName = 'what-if';

/**
 * How many compositions of a spec (or a template) fit at once during a window, and when fewer
 * than wanted fit, what is short: the scheduler is run again and again on a copy of the index
 * with the devices promised in the window taken out (domain `capacityOf`). Bad input throws
 * `CompositionSpecInvalidError`, `TemplateNotFoundError` or `InvalidCapacityQuestionError`.
 */
export async function capacityFor(
  deps: CapacityDeps,
  query: CapacityForQuery,
): Promise<CapacityReport> {
  checkWindow(query.window);
  const input = isRecord(query.spec) ? { name: whatIfName, ...query.spec } : query.spec;
  const validation = validateCompositionSpec(await resolveSpec(deps.templates, input));
  if (!validation.ok) throw new CompositionSpecInvalidError(validation.problems);
  const unavailable = await deps.promised.promisedDuring(query.window.start, query.window.end);
  const answer = capacityOf(await deps.candidates(), {
    request: schedulingRequestOf(validation.spec),
    wanted: query.wanted,
    limit: query.limit,
    unavailable,
    config: schedulerConfigOf(deps),
    registry: pluginRegistryOf(deps),
  });
  if (answer.outcome === 'error') {
    return {
      outcome: 'error',
      reason: `scheduler plugin ${answer.plugin} could not decide: ${answer.message}`,
    };
  }
  const { shortage, placements, ...counts } = answer;
  return {
    ...counts,
    placements: placements.map(assignmentOf),
    ...(shortage && {
      shortage: {
        reason: shortage.unschedulable.hosts.reason,
        unschedulable: unschedulableGroupsOf(shortage.unschedulable),
        groups: shortage.groups,
      },
    }),
  };
}

export function checkWindow(window: TimeWindow): void {
  for (const edge of ['start', 'end'] as const) {
    if (!(window[edge] instanceof Date) || Number.isNaN(window[edge].getTime())) {
      throw new InvalidCapacityQuestionError(`window.${edge}`, 'must be a valid time');
    }
  }
  if (window.end.getTime() <= window.start.getTime()) {
    throw new InvalidCapacityQuestionError('window.end', 'must be after the start');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
