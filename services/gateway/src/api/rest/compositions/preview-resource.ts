import { composer } from '@tessera/contracts';
import { enumName } from '../enum-names.js';

/** What composing would choose now, or why nothing fits: a preview or a reservation's answer. */
export interface PreviewResource {
  /** `Fits`, `Unschedulable` (see unschedulableGroups), `Contended` (retry) or `Error`. */
  readonly outcome: string;
  readonly hostId: string | undefined;
  readonly devices: readonly { readonly group: string; readonly deviceIds: readonly string[] }[];
  readonly reason: string;
  readonly hostsExamined: number;
  /** Per group that fits nowhere: why (how many candidates each filter removed). */
  readonly unschedulableGroups: readonly { readonly group: string; readonly why: string }[];
}

export interface ReservationResource extends PreviewResource {
  /** Absent unless the outcome is `Fits`. */
  readonly reservationId: string | undefined;
  readonly expiresAt: string | undefined;
}

type PreviewLike = Pick<
  composer.PreviewCompositionResponse,
  'outcome' | 'hostId' | 'groups' | 'reason' | 'hostsExamined' | 'unschedulableGroups'
>;

export function previewResource(answer: PreviewLike): PreviewResource {
  return {
    outcome: enumName(composer.previewOutcomeToJSON(answer.outcome), 'PREVIEW_OUTCOME_', 'pascal'),
    hostId: answer.hostId === '' ? undefined : answer.hostId,
    devices: answer.groups.map((group) => ({ group: group.group, deviceIds: group.deviceIds })),
    reason: answer.reason,
    hostsExamined: answer.hostsExamined,
    unschedulableGroups: answer.unschedulableGroups.map((group) => ({
      group: group.group,
      why: group.why,
    })),
  };
}

export function reservationResource(
  answer: composer.ReserveCompositionResponse,
): ReservationResource {
  return {
    ...previewResource(answer),
    reservationId: answer.reservationId === '' ? undefined : answer.reservationId,
    expiresAt: answer.expiresAt,
  };
}
