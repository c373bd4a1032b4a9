import { invalidArgument } from '@tessera/api-kit';
import type { GroupShortage } from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';
import type { CapacityReport, CapacityStep } from '../../application/capacity/index.js';
import { groupDevicesOf, unschedulableGroupsOf } from './composition-mapper.js';

const { CapacityOutcome } = composer;

/** A required timestamp of the request as a Date; INVALID_ARGUMENT naming `field` otherwise. */
export function timeOf(value: string | undefined, field: string): Date {
  if (value === undefined) throw invalidArgument(field, 'is required');
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw invalidArgument(field, 'must be a valid time');
  return time;
}

export function capacityResponseOf(report: CapacityReport): composer.GetCapacityResponse {
  if (report.outcome === 'error') {
    return {
      outcome: CapacityOutcome.CAPACITY_OUTCOME_ERROR,
      fits: 0,
      wanted: 0,
      enough: false,
      placements: [],
      reason: report.reason,
    };
  }
  const { shortage } = report;
  return {
    outcome: CapacityOutcome.CAPACITY_OUTCOME_ANSWERED,
    fits: report.fits,
    wanted: report.wanted,
    enough: report.enough,
    placements: report.placements.map(({ hostId, groups }) => ({
      hostId,
      groups: groupDevicesOf(groups),
    })),
    shortage: shortage && {
      reason: shortage.reason,
      unschedulableGroups: unschedulableGroupsOf(shortage.unschedulable),
      groups: shortage.groups.map(groupShortageOf),
    },
    reason: '',
  };
}

function groupShortageOf(shortage: GroupShortage): composer.GroupShortage {
  return {
    group: shortage.group,
    kind: shortage.kind,
    count: shortage.count,
    bestFit: shortage.bestFit,
    missing: shortage.missing,
    closestHost: shortage.closestHost ?? '',
    switches: [...shortage.switches],
    reachable: shortage.reachable,
    free: shortage.free,
    reason: shortage.reason,
  };
}

export function capacityStepOf(step: CapacityStep): composer.CapacityStep {
  return {
    start: step.start.toISOString(),
    end: step.end.toISOString(),
    kinds: step.kinds.map(({ kind, total, free, committed }) => ({ kind, total, free, committed })),
  };
}
