import { randomUUID } from 'node:crypto';
import type { EventTransport, OutgoingMessage } from '@tessera/event-transport';
import { throwIfAborted } from '../core/timing.js';

export interface BrokerWarmUp {
  readonly topic: string;
  readonly ratePerSecond: number;
  readonly durationMs: number;
  readonly signal: AbortSignal;
}

/**
 * Drives the broker's produce and fetch paths (an idempotent producer, a consumer group) at the
 * measured rate before anything is timed. A freshly started broker spends its first tens of
 * seconds compiling those paths (JIT), on the same 2 cores as the writers under test; measuring
 * then would time the JVM's warm-up, not the transport. Nothing of this is reported.
 */
export async function warmUpBroker(transport: EventTransport, plan: BrokerWarmUp): Promise<number> {
  let received = 0;
  const subscription = await transport.subscribe({
    topic: plan.topic,
    group: `${plan.topic}.warm-up`,
    handler: () => {
      received += 1;
      return Promise.resolve();
    },
  });
  try {
    const tickMs = 10;
    const perTick = Math.max(1, Math.round((plan.ratePerSecond * tickMs) / 1_000));
    const endsAt = Date.now() + plan.durationMs;
    let sequence = 0;
    while (Date.now() < endsAt) {
      throwIfAborted(plan.signal);
      const tickStarted = Date.now();
      const messages = Array.from({ length: perTick }, () => warmUpMessage((sequence += 1)));
      await transport.publish(plan.topic, messages);
      await sleep(Math.max(0, tickMs - (Date.now() - tickStarted)));
    }
    return received;
  } finally {
    await subscription.stop();
  }
}

function warmUpMessage(sequence: number): OutgoingMessage {
  const key = `warm-${sequence % 64}`;
  return {
    key,
    envelope: {
      id: randomUUID(),
      type: 'BrokerWarmedUp',
      schemaVersion: 1,
      streamId: key,
      streamVersion: sequence,
      position: sequence,
      recordedAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      actor: 'bench',
      tenant: null,
      data: { sequence },
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
