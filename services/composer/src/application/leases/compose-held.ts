import {
  absentComposition,
  type Assignment,
  decideComposition,
  type Lease,
  type scheduler,
} from '@tessera/composer-domain';
import { fabricsOfAssignment } from '../compose/route-fabrics.js';
import { defaultAttachTimeoutMs } from '../compose/compose-deps.js';
import type { CommandContext } from '../ports/command-context.js';
import { startAttaching } from '../attach/start-attaching.handler.js';
import type { LeaseDeps } from './lease-deps.js';

/** The id of a lease's composition: stable, so a repeated start finds what it created. */
export function leaseCompositionId(leaseId: string, at: number): string {
  return `${leaseId}-${at + 1}`;
}

/**
 * Composes one of the lease's compositions on exactly its held devices: `Requested`, then
 * `Scheduled` with the held assignment, reserved in the ledger under the lease (which lets it
 * take the held devices), then the attach starts. Each step is skipped when done, so a start
 * interrupted by a crash is finished by the next run.
 */
export async function composeHeld(
  deps: LeaseDeps,
  lease: Lease,
  at: number,
  context: CommandContext,
): Promise<string> {
  const id = leaseCompositionId(lease.id, at);
  const assignment = lease.held[at];
  if (assignment === undefined) throw new Error(`lease ${lease.id} holds no composition ${at}`);
  const now = deps.clock.now();
  const idempotencyKey = `lease:${lease.id}:${at + 1}`;
  const requestedBy = `lease:${lease.id}`;
  const facts = decideComposition(
    { command: 'Request', id, spec: lease.spec, idempotencyKey, requestedBy, leaseId: lease.id },
    absentComposition,
    now,
  );
  await deps.compositions.create({ id, facts, idempotencyKey, spec: lease.spec }, context);
  const { state, version } = await deps.compositions.load(id);
  if (state.status === 'requested') {
    const reservationId = deps.ids.newId();
    const attachDeadline = new Date(
      now.getTime() + (deps.attachTimeoutMs ?? defaultAttachTimeoutMs),
    );
    const index = await deps.candidates();
    const scheduled = decideComposition(
      {
        command: 'Schedule',
        assignment,
        reservationId,
        attachDeadline: attachDeadline.toISOString(),
        fabrics: fabricsOfAssignment(index, assignment),
      },
      state,
      now,
    );
    const devices = devicesOf(index, lease, assignment);
    await deps.compositions.appendWithLedger(id, scheduled, version, context, (ledger) =>
      ledger.reserve({
        reservationId,
        compositionId: id,
        owner: deps.owner,
        expiresAt: attachDeadline,
        devices,
        tenant: lease.tenant,
        leaseId: lease.id,
      }),
    );
  }
  await startAttaching(deps, id, context);
  return id;
}

function devicesOf(
  index: scheduler.CandidateIndex,
  lease: Lease,
  assignment: Assignment,
): { deviceId: string; maxCompositions: number; kind?: string }[] {
  return assignment.groups.flatMap(({ group, deviceIds }) => {
    const groupKind = lease.spec.groups.find((spec) => spec.name === group)?.kind;
    return deviceIds.map((deviceId) => {
      const device = index.device(deviceId);
      return {
        deviceId,
        maxCompositions: device?.maxCompositions ?? 1,
        kind: device?.kind ?? groupKind,
      };
    });
  });
}
