import { invalidArgument } from '@tessera/api-kit';
import type { CompositionStatus } from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';

const { CompositionPhase } = composer;

const phases = {
  requested: CompositionPhase.COMPOSITION_PHASE_REQUESTED,
  scheduled: CompositionPhase.COMPOSITION_PHASE_SCHEDULED,
  attaching: CompositionPhase.COMPOSITION_PHASE_ATTACHING,
  ready: CompositionPhase.COMPOSITION_PHASE_READY,
  expanding: CompositionPhase.COMPOSITION_PHASE_EXPANDING,
  shrinking: CompositionPhase.COMPOSITION_PHASE_SHRINKING,
  healing: CompositionPhase.COMPOSITION_PHASE_HEALING,
  decomposing: CompositionPhase.COMPOSITION_PHASE_DECOMPOSING,
  decomposed: CompositionPhase.COMPOSITION_PHASE_DECOMPOSED,
  failed: CompositionPhase.COMPOSITION_PHASE_FAILED,
} as const satisfies Record<CompositionStatus, composer.CompositionPhase>;

export function phaseOf(status: CompositionStatus): composer.CompositionPhase {
  return phases[status];
}

/** A phase filter: UNSPECIFIED is no filter; an unknown value is INVALID_ARGUMENT on `field`. */
export function statusFilterOf(
  phase: composer.CompositionPhase,
  field: string,
): CompositionStatus | undefined {
  if (phase === CompositionPhase.COMPOSITION_PHASE_UNSPECIFIED) return undefined;
  const found = (Object.keys(phases) as CompositionStatus[]).find(
    (status) => phases[status] === phase,
  );
  if (found === undefined) throw invalidArgument(field, `${String(phase)} is not a phase`);
  return found;
}
