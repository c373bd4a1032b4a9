import { type GroupContext, type GroupPreFilterPlugin } from '../framework.js';
import { type PluginSettings } from '../plugin-settings.js';
import { success, unschedulable, type Status } from '../status.js';

/**
 * A tenant never holds more devices of a kind than its limit: what it holds now, plus what
 * earlier groups of this request take, plus this group must fit. No limit, no check.
 */
export function tenantQuotaPlugin(settings: PluginSettings) {
  return {
    name: 'TenantQuota',
    preFilterGroup(context: GroupContext): Status {
      const { tenant } = context.cycle.request;
      const { kind, count } = context.demand;
      const limit = settings.quotas.limits[tenant]?.[kind];
      if (limit === undefined) return success;
      const held = settings.quotas.usage[tenant]?.[kind] ?? 0;
      const planned = context.planned.filter((c) => c.device.kind === kind).length;
      const needed = planned + count;
      if (held + needed <= limit) return success;
      return unschedulable(
        `tenant ${tenant} may hold ${limit} ${kind}, holds ${held} and this request needs ${needed}`,
      );
    },
  } as const satisfies GroupPreFilterPlugin;
}
