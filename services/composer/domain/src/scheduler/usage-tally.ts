/**
 * How many known devices a group (an enclosure, the devices a host reaches) has and how many of
 * them some composition holds, kept up to date as devices and counts change, so that the
 * packing scores read a share instead of walking the group.
 */
export class UsageTally {
  private readonly usage = new Map<string, { devices: number; inUse: number }>();

  add(key: string, devices: number, inUse: number): void {
    const usage = this.usage.get(key);
    if (usage) {
      usage.devices += devices;
      usage.inUse += inUse;
    } else {
      this.usage.set(key, { devices, inUse });
    }
  }

  reset(key: string, devices: number, inUse: number): void {
    this.usage.set(key, { devices, inUse });
  }

  delete(key: string): void {
    this.usage.delete(key);
  }

  /** The share (0..1) of the group's known devices in use; 0 for an empty or unknown group. */
  share(key: string): number {
    const usage = this.usage.get(key);
    return usage && usage.devices > 0 ? usage.inUse / usage.devices : 0;
  }

  clone(): UsageTally {
    const copy = new UsageTally();
    for (const [key, usage] of this.usage) copy.usage.set(key, { ...usage });
    return copy;
  }
}
