import {
  resolveSubscription,
  type ResolvedSubscription,
} from '../delivery/subscription-options.js';
import { TransportClosedError } from '../errors/transport-closed-error.js';
import type { Logger } from '../logger.js';
import type { EventTransport, Subscription, SubscriptionOptions } from '../port.js';
import type { BackoffPolicy } from '../retry/backoff.js';
import { type ConsumerRun, defaultRestartBackoff } from './consumer-supervisor.js';
import { startSupervisedSubscription } from './supervised-subscription.js';

/**
 * What every adapter does with its subscriptions, whatever the broker: refuse work once closed,
 * validate the options, run each consumer under a supervisor, remember the live subscriptions,
 * and stop them all on close. The adapter supplies only how one consumer run starts.
 */
export class TransportSubscriptions {
  private readonly live = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly transport: EventTransport['name'],
    private readonly logger: Logger,
    private readonly restartBackoff: BackoffPolicy = defaultRestartBackoff,
  ) {}

  /** Throws `TransportClosedError` once `closeAll` has begun. */
  assertOpen(): void {
    if (this.closed) {
      throw new TransportClosedError(this.transport);
    }
  }

  async subscribe(
    options: SubscriptionOptions,
    startRun: (subscription: ResolvedSubscription) => Promise<ConsumerRun>,
  ): Promise<Subscription> {
    this.assertOpen();
    const subscription = resolveSubscription(options);
    const started = await startSupervisedSubscription({
      topic: subscription.topic,
      group: subscription.group,
      restartBackoff: this.restartBackoff,
      logger: this.logger,
      startRun: () => startRun(subscription),
      onStopped: () => this.live.delete(started),
    });
    this.live.add(started);
    return started;
  }

  /** Refuses new work and stops every live subscription. */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
  }
}
