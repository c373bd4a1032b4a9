import { isShorterPath } from './route.js';

/**
 * The best switch path found so far from one host to each device of a fabric, devices being
 * numbered 0..deviceCount-1. Reused host after host (`drain` empties it), so that computing a
 * fabric allocates per route, not per candidate path.
 */
export class BestPaths {
  private readonly paths: (readonly string[] | undefined)[];
  private readonly reached: number[] = [];

  constructor(deviceCount: number) {
    this.paths = new Array<readonly string[] | undefined>(deviceCount);
  }

  offer(device: number, path: readonly string[]): void {
    const incumbent = this.paths[device];
    if (incumbent === undefined) this.reached.push(device);
    if (incumbent === undefined || isShorterPath(path, incumbent)) this.paths[device] = path;
  }

  /** Hands over each reached device's best path, in device-number order, and forgets them. */
  drain(take: (device: number, path: readonly string[]) => void): void {
    this.reached.sort((a, b) => a - b);
    for (const device of this.reached) {
      const path = this.paths[device];
      if (path) take(device, path);
      this.paths[device] = undefined;
    }
    this.reached.length = 0;
  }
}
