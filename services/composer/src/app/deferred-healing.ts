import { randomUUID } from 'node:crypto';
import { errorText } from '@tessera/api-kit/server';
import type { Logger } from '@tessera/event-transport';
import { type HealDeps, replaceFailedDevice } from '../application/heal/index.js';

/**
 * Auto-heal as the pool feed asks for it: each device the inventory reports failed while a
 * composition holds it is handed to `replaceFailedDevice`, without making the feed wait, one
 * run per device at a time. The feed starts before the use cases' dependencies exist: what it
 * asks for before `start` waits and runs then.
 */
export class DeferredHealing {
  private deps: HealDeps | undefined;
  private readonly running = new Set<string>();
  private readonly waiting = new Set<string>();

  constructor(private readonly logger: Logger) {}

  start(deps: HealDeps): void {
    this.deps = deps;
    for (const deviceId of this.waiting) this.heal(deviceId);
    this.waiting.clear();
  }

  heal(deviceId: string): void {
    const deps = this.deps;
    if (deps === undefined) {
      this.waiting.add(deviceId);
      return;
    }
    if (this.running.has(deviceId)) return;
    this.running.add(deviceId);
    const context = { correlationId: randomUUID(), actor: 'system:auto-heal' };
    replaceFailedDevice(deps, { deviceId }, context)
      .then((outcomes) => {
        for (const outcome of outcomes) {
          this.logger.info('auto-heal', { deviceId, ...outcome });
        }
      })
      .catch((error: unknown) => {
        this.logger.error('auto-heal failed', { deviceId, error: errorText(error) });
      })
      .finally(() => {
        this.running.delete(deviceId);
      });
  }
}
