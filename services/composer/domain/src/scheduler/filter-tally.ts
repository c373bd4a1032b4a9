/**
 * What filters removed, for explanations: per plugin, the distinct ids it removed on any host
 * examined (an id removed on several hosts counts once per plugin).
 */
export class FilterTally {
  private readonly removed = new Map<string, Set<string>>();

  record(plugin: string, id: string): void {
    let ids = this.removed.get(plugin);
    if (!ids) this.removed.set(plugin, (ids = new Set()));
    ids.add(id);
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [plugin, ids] of this.removed) counts[plugin] = ids.size;
    return counts;
  }
}

/** Why one demand failed on the host where it came closest (most candidates left). */
export class ClosestMiss {
  private best: { readonly reason: string; readonly left: number } | undefined;

  record(reason: string, left: number): void {
    if (!this.best || left > this.best.left) this.best = { reason, left };
  }

  get reason(): string | undefined {
    return this.best?.reason;
  }
}
