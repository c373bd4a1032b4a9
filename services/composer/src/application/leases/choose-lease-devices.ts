import {
  type Assignment,
  type Lease,
  type LeaseShortfall,
  scheduler,
} from '@tessera/composer-domain';
import { pluginRegistryOf, schedulerConfigOf } from '../compose/compose-deps.js';
import {
  assignmentOf,
  schedulingRequestOf,
  unschedulableGroupsOf,
} from '../compose/scheduling-request-of.js';
import type { LeaseHold } from './lease-book.js';
import type { LeaseDeps } from './lease-deps.js';

export type LeaseChoice =
  | { readonly outcome: 'fits'; readonly held: Assignment[]; readonly hold: LeaseHold }
  | {
      readonly outcome: 'short';
      readonly reason: string;
      readonly shortfalls: readonly LeaseShortfall[];
    };

/**
 * Chooses host and devices for each of the lease's compositions on a scratch copy of the index,
 * where devices promised to overlapping leases (and `excluded` ones, refused by the ledger) are
 * full. Each choice is assumed in the copy, so the next composition takes other devices. Devices
 * in use now count as in use during the window: open-ended compositions have no end.
 */
export async function chooseLeaseDevices(
  deps: Pick<LeaseDeps, 'candidates' | 'leases' | 'schedulerConfig' | 'pluginRegistry'>,
  lease: Lease,
  excluded: ReadonlySet<string>,
): Promise<LeaseChoice> {
  const start = new Date(lease.start);
  const end = new Date(lease.end);
  const index = (await deps.candidates()).withoutLeasePromises();
  const promised = await deps.leases.promisedDuring(start, end);
  for (const deviceId of [...promised, ...excluded]) {
    index.setAllocations(deviceId, index.device(deviceId)?.maxCompositions ?? 1);
  }
  const request = schedulingRequestOf(lease.spec);
  const config = schedulerConfigOf(deps);
  const registry = pluginRegistryOf(deps);
  const held: Assignment[] = [];
  for (let at = 0; at < lease.count; at += 1) {
    const outcome = scheduler.schedule(request, index, config, registry);
    const prefix = `composition ${at + 1} of ${lease.count} does not fit from ${lease.start} to ${lease.end}`;
    switch (outcome.outcome) {
      case 'scheduled':
        held.push(assignmentOf(outcome));
        continue;
      case 'unschedulable': {
        const groups = unschedulableGroupsOf(outcome);
        const shortfalls = groups.map(({ group, why }) => ({ composition: at, group, why }));
        const detail = groups.map(({ group, why }) => `group ${group}: ${why}`).join('; ');
        return {
          outcome: 'short',
          reason: `${prefix}: ${detail || outcome.hosts.reason}`,
          shortfalls,
        };
      }
      case 'error':
        return {
          outcome: 'short',
          reason: `${prefix}: scheduler plugin ${outcome.plugin} could not decide: ${outcome.message}`,
          shortfalls: [],
        };
    }
  }
  const devices = held.flatMap(({ groups }) =>
    groups.flatMap(({ deviceIds }) =>
      deviceIds.map((deviceId) => ({
        deviceId,
        maxCompositions: index.device(deviceId)?.maxCompositions ?? 1,
        kind: index.device(deviceId)?.kind,
      })),
    ),
  );
  return { outcome: 'fits', held, hold: { start, end, devices } };
}
