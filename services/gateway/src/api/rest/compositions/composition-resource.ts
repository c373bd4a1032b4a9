import { composer } from '@tessera/contracts';
import { enumName } from '../enum-names.js';

/** A condition, as Kubernetes-style consoles read them. */
export interface Condition {
  readonly type: 'Scheduled' | 'Ready' | 'Schedulable';
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
}

/** A composition as the API answers it. */
export interface CompositionResource {
  readonly id: string;
  readonly tenant: string;
  readonly spec: unknown;
  readonly status: {
    readonly phase: string;
    readonly reason: string;
    readonly conditions: readonly Condition[];
    readonly hostId: string | undefined;
    readonly devices: readonly { readonly group: string; readonly deviceIds: readonly string[] }[];
    readonly reservationId: string | undefined;
    readonly attachDeadline: string | undefined;
  };
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
  readonly version: number;
}

export function phaseName(phase: composer.CompositionPhase): string {
  return enumName(composer.compositionPhaseToJSON(phase), 'COMPOSITION_PHASE_', 'pascal');
}

export function compositionResource(composition: composer.Composition): CompositionResource {
  const status = composition.status ?? composer.CompositionStatus.fromPartial({});
  return {
    id: composition.compositionId,
    tenant: composition.tenant,
    spec: composition.spec === undefined ? {} : composer.CompositionSpec.toJSON(composition.spec),
    status: {
      phase: phaseName(status.phase),
      reason: status.reason,
      conditions: conditionsOf(status),
      hostId: status.hostId === '' ? undefined : status.hostId,
      devices: status.groups.map((group) => ({ group: group.group, deviceIds: group.deviceIds })),
      reservationId: status.reservationId === '' ? undefined : status.reservationId,
      attachDeadline: status.attachDeadline,
    },
    createdAt: composition.createdAt,
    updatedAt: composition.updatedAt,
    version: composition.version,
  };
}

function conditionsOf(status: composer.CompositionStatus): Condition[] {
  const phase = phaseName(status.phase);
  const ready = status.phase === composer.CompositionPhase.COMPOSITION_PHASE_READY;
  const conditions: Condition[] = [
    {
      type: 'Scheduled',
      status: status.hostId === '' ? 'False' : 'True',
      reason: status.hostId === '' ? phase : 'HostChosen',
      message: status.hostId === '' ? status.reason : `on host ${status.hostId}`,
    },
    {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      reason: phase,
      message: status.reason,
    },
  ];
  if (status.unschedulableGroups.length > 0) {
    conditions.push({
      type: 'Schedulable',
      status: 'False',
      reason: 'NoFit',
      message: status.unschedulableGroups.map((group) => `${group.group}: ${group.why}`).join('; '),
    });
  }
  return conditions;
}
