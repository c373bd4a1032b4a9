import { type Candidate, type HostRecord } from '../candidate-index.js';
import {
  type DeviceScorePlugin,
  type GroupContext,
  type HostScorePlugin,
  type SchedulingCycle,
} from '../framework.js';
import { type PackingStrategy, type PluginSettings } from '../plugin-settings.js';

/**
 * Bin-packing or spreading, by the configured strategy. A device scores by how used its
 * enclosure is (a device outside any enclosure counts as an empty one); a host by how used
 * the devices it reaches are. `binpack` prefers fuller ones, so whole enclosures stay free for
 * large requests; `spread` prefers emptier ones, so load and failures spread.
 */
export function packingPlugin(settings: PluginSettings) {
  return {
    name: 'Packing',
    perDevice: true,
    scoreDevice(candidate: Candidate, context: GroupContext): number {
      const { enclosureId } = candidate.device;
      const used =
        enclosureId === undefined ? 0 : context.cycle.index.enclosureUtilization(enclosureId);
      return toScore(used, settings.strategy);
    },
    scoreHost(host: HostRecord, cycle: SchedulingCycle): number {
      return toScore(cycle.index.reachableUtilization(host.id), settings.strategy);
    },
  } as const satisfies DeviceScorePlugin & HostScorePlugin;
}

function toScore(utilization: number, strategy: PackingStrategy): number {
  switch (strategy) {
    case 'binpack':
      return 100 * utilization;
    case 'spread':
      return 100 * (1 - utilization);
  }
}
