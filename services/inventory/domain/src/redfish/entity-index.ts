import { type EndpointSpec } from '@tessera/hardware';

export type Entity = EndpointSpec['entity'];

/**
 * Resolves what a fabric endpoint's `EntityLink` names to a host or device this mapping
 * produced. A link may name a part of it rather than the thing itself: a host's CPU or memory,
 * the compute block a host is composed from, or a sub-resource such as a NetworkDeviceFunction
 * under its adapter (found by walking up the path, `/A/1/B/2` to `/A/1`).
 */
export class EntityIndex {
  private readonly byUri = new Map<string, Entity>();

  add(uri: string, entity: Entity): void {
    if (!this.byUri.has(uri)) this.byUri.set(uri, entity);
  }

  resolve(uri: string): Entity | undefined {
    let current = uri;
    for (;;) {
      const entity = this.byUri.get(current);
      if (entity !== undefined) return entity;
      const segments = current.split('/');
      // '', 'redfish', 'v1', collection, member: nothing above a top-level member stands for it.
      if (segments.length <= 5) return undefined;
      current = segments.slice(0, -2).join('/');
    }
  }
}
