import { type FabricGraph } from './fabric-graph.js';

const unreached = -1;
const noParent = -1;

/**
 * The shortest ways through a fabric's switches from the partitions an initiator is cabled into
 * (breadth-first, so each partition is reached over the fewest switch crossings). Hops count the
 * switches on the path, the starting one included: a target cabled into a starting partition is
 * one hop away. Because the start list and every neighbour list are in partition-number order,
 * the path chosen among equally short ones depends on ids only.
 */
export class SwitchPaths {
  private readonly hops: Int32Array;
  private readonly parent: Int32Array;
  private readonly paths: (readonly string[] | undefined)[];

  constructor(
    private readonly graph: FabricGraph,
    starts: readonly number[],
  ) {
    this.hops = new Int32Array(graph.partitionCount).fill(unreached);
    this.parent = new Int32Array(graph.partitionCount).fill(noParent);
    this.paths = new Array<readonly string[] | undefined>(graph.partitionCount);
    this.explore(starts);
  }

  /** Switches crossed to reach the partition, or undefined when it cannot be reached. */
  hopsTo(partition: number): number | undefined {
    const hops = this.hops[partition];
    return hops === undefined || hops === unreached ? undefined : hops;
  }

  /**
   * The switch ids crossed to reach a reachable partition, starting switch first. Paths are
   * shared between the routes that use them, hence frozen.
   */
  pathTo(partition: number): readonly string[] {
    const known = this.paths[partition];
    if (known) return known;
    const switches: string[] = [];
    for (let at = partition; at !== noParent; at = this.parent[at] ?? noParent) {
      switches.push(this.graph.switchOf[at] ?? '');
    }
    const path = Object.freeze(switches.reverse());
    this.paths[partition] = path;
    return path;
  }

  private explore(starts: readonly number[]): void {
    const queue: number[] = [];
    for (const start of starts) {
      if (this.hops[start] !== unreached) continue;
      this.hops[start] = 1;
      queue.push(start);
    }
    // The queue grows while it is walked; an array iterator sees what is appended.
    for (const at of queue) {
      const hops = (this.hops[at] ?? 0) + 1;
      for (const neighbour of this.graph.neighbours[at] ?? []) {
        if (this.hops[neighbour] !== unreached) continue;
        this.hops[neighbour] = hops;
        this.parent[neighbour] = at;
        queue.push(neighbour);
      }
    }
  }
}
