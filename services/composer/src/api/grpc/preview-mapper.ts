import { composer } from '@tessera/contracts';
import type { CompositionPreview } from '../../application/compose/preview-composition.handler.js';
import type { ReservationOutcome } from '../../application/reserve/index.js';
import { groupDevicesOf, unschedulableGroupsOf } from './composition-mapper.js';

const { PreviewOutcome } = composer;

/** Nothing chosen, nothing explained: the fields each outcome fills in start from this. */
const blank: composer.PreviewCompositionResponse = {
  outcome: PreviewOutcome.PREVIEW_OUTCOME_UNSPECIFIED,
  hostId: '',
  groups: [],
  reason: '',
  hostsExamined: 0,
  unschedulableGroups: [],
};

export function previewResponseOf(
  preview: CompositionPreview,
): composer.PreviewCompositionResponse {
  switch (preview.outcome) {
    case 'fits':
      return {
        ...blank,
        outcome: PreviewOutcome.PREVIEW_OUTCOME_FITS,
        hostId: preview.assignment.hostId,
        groups: groupDevicesOf(preview.assignment.groups),
      };
    case 'unschedulable':
      return {
        ...blank,
        outcome: PreviewOutcome.PREVIEW_OUTCOME_UNSCHEDULABLE,
        reason: preview.reason,
        hostsExamined: preview.hostsExamined,
        unschedulableGroups: unschedulableGroupsOf(preview.groups),
      };
    case 'error':
      return { ...blank, outcome: PreviewOutcome.PREVIEW_OUTCOME_ERROR, reason: preview.reason };
  }
}

export function reserveResponseOf(
  reservation: ReservationOutcome,
): composer.ReserveCompositionResponse {
  const none = { ...blank, reservationId: '', expiresAt: undefined };
  switch (reservation.outcome) {
    case 'held':
      return {
        ...none,
        outcome: PreviewOutcome.PREVIEW_OUTCOME_FITS,
        reservationId: reservation.reservationId,
        expiresAt: reservation.expiresAt.toISOString(),
        hostId: reservation.assignment.hostId,
        groups: groupDevicesOf(reservation.assignment.groups),
      };
    case 'unschedulable':
      return {
        ...none,
        outcome: PreviewOutcome.PREVIEW_OUTCOME_UNSCHEDULABLE,
        reason: reservation.reason,
        hostsExamined: reservation.hostsExamined,
        unschedulableGroups: unschedulableGroupsOf(reservation.groups),
      };
    case 'contended':
      return {
        ...none,
        outcome: PreviewOutcome.PREVIEW_OUTCOME_CONTENDED,
        reason: reservation.reason,
      };
    case 'error':
      return { ...none, outcome: PreviewOutcome.PREVIEW_OUTCOME_ERROR, reason: reservation.reason };
  }
}
