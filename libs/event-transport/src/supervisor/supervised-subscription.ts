import type { Logger } from '../logger.js';
import type { Subscription } from '../port.js';
import type { BackoffPolicy } from '../retry/backoff.js';
import { type ConsumerRun, ConsumerSupervisor } from './consumer-supervisor.js';

export interface SupervisedSubscriptionOptions {
  readonly topic: string;
  readonly group: string;
  readonly startRun: (signal: AbortSignal) => Promise<ConsumerRun>;
  readonly restartBackoff: BackoffPolicy;
  readonly logger: Logger;
  /** Called once the subscription has stopped for good (the transport forgets it). */
  readonly onStopped?: () => void;
}

/**
 * A subscription whose consumer runs under a supervisor. Resolves after the first start
 * attempt: when that failed, the subscription is already `restarting` and keeps trying.
 */
export async function startSupervisedSubscription(
  options: SupervisedSubscriptionOptions,
): Promise<Subscription> {
  const supervisor = new ConsumerSupervisor({
    name: `${options.group}@${options.topic}`,
    startRun: options.startRun,
    restartBackoff: options.restartBackoff,
    logger: options.logger,
  });
  await supervisor.start();
  let stopping: Promise<void> | undefined;
  return {
    topic: options.topic,
    group: options.group,
    status: () => supervisor.status(),
    stop: () => {
      stopping ??= supervisor.stop().finally(() => options.onStopped?.());
      return stopping;
    },
  };
}
