import { scheduler } from '@tessera/composer-domain';

/**
 * Schedules on the index as if the `avoided` devices were full: they are never chosen, even when
 * sharable (a composition's own devices, a failed device). The `freed` devices (those a lease
 * holds for the composition, which the index counts as promised) are offered as free unless
 * avoided; the ledger still has the last word. Synchronous, so no other decision of this
 * process sees the changed counts; they are restored before it returns.
 */
export function scheduleAvoiding(
  request: scheduler.SchedulingRequest,
  index: scheduler.CandidateIndex,
  avoided: readonly string[],
  config: scheduler.SchedulerConfig,
  registry: scheduler.PluginRegistry,
  freed: readonly string[] = [],
): scheduler.ScheduleOutcome {
  const changed = [...freed, ...avoided];
  const counts = new Map(changed.map((deviceId) => [deviceId, index.allocationsOf(deviceId)]));
  for (const deviceId of freed) index.setAllocations(deviceId, 0);
  for (const deviceId of avoided) {
    index.setAllocations(deviceId, Math.max(1, index.device(deviceId)?.maxCompositions ?? 1));
  }
  try {
    return scheduler.schedule(request, index, config, registry);
  } finally {
    for (const [deviceId, count] of counts) index.setAllocations(deviceId, count);
  }
}
