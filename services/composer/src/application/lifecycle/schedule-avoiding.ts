import { scheduler } from '@tessera/composer-domain';

/**
 * Schedules on the index as if the `avoided` devices were full: they are never chosen, even when
 * sharable (a composition's own devices, a failed device). Synchronous, so no other decision of
 * this process sees the devices marked full; their counts are restored before it returns.
 */
export function scheduleAvoiding(
  request: scheduler.SchedulingRequest,
  index: scheduler.CandidateIndex,
  avoided: readonly string[],
  config: scheduler.SchedulerConfig,
  registry: scheduler.PluginRegistry,
): scheduler.ScheduleOutcome {
  const counts = new Map(avoided.map((deviceId) => [deviceId, index.allocationsOf(deviceId)]));
  for (const deviceId of counts.keys()) {
    index.setAllocations(deviceId, Math.max(1, index.device(deviceId)?.maxCompositions ?? 1));
  }
  try {
    return scheduler.schedule(request, index, config, registry);
  } finally {
    for (const [deviceId, count] of counts) index.setAllocations(deviceId, count);
  }
}
