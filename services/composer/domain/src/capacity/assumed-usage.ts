import type {
  CandidateIndex,
  Decision,
  DeviceKind,
  SchedulerConfig,
  TenantKindCounts,
} from '../scheduler/index.js';

/**
 * The tenant's devices per kind that counted placements hold. Tenant quotas read usage from the
 * scheduler configuration, not the index, so each placement is added there too: the Nth
 * composition meets the quota as it would after N-1 real ones.
 */
export class AssumedUsage {
  private readonly held = new Map<DeviceKind, number>();

  constructor(
    private readonly tenant: string,
    private readonly base: SchedulerConfig,
  ) {}

  add(decision: Decision, index: CandidateIndex): void {
    for (const deviceId of decision.groups.flatMap((group) => group.deviceIds)) {
      const kind = index.device(deviceId)?.kind;
      if (kind !== undefined) this.held.set(kind, (this.held.get(kind) ?? 0) + 1);
    }
  }

  /** The base configuration with the tenant's quota usage raised by what is assumed. */
  config(): SchedulerConfig {
    const quotas = this.base.quotas;
    if (quotas === undefined || this.held.size === 0) return this.base;
    const usage: Partial<Record<DeviceKind, number>> = { ...quotas.usage[this.tenant] };
    for (const [kind, count] of this.held) usage[kind] = (usage[kind] ?? 0) + count;
    const byTenant: TenantKindCounts = { ...quotas.usage, [this.tenant]: usage };
    return { ...this.base, quotas: { ...quotas, usage: byTenant } };
  }
}
