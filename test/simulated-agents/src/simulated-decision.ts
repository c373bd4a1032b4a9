import { InvalidResponderOptionsError } from './responder-errors.js';

/** How a simulated agent behaves: how long it takes and how often an attach fails. */
export interface SimulatedBehaviour {
  /** Milliseconds from receiving an intent to answering it, uniform in [min, max]. */
  readonly latencyMs: { readonly min: number; readonly max: number };
  /** Share of attaches that fail, 0..1. Detaches never fail. */
  readonly failureRate: number;
  /** The same seed gives the same answers to the same intents, in any process. */
  readonly seed: number;
}

export interface AttachIntent {
  readonly compositionId: string;
  readonly hostId: string;
  readonly deviceId: string;
  readonly attempt: number;
  /** ISO 8601. */
  readonly deadline: string;
  readonly fabricId: string;
}

export interface DetachIntent {
  readonly compositionId: string;
  readonly hostId: string;
  readonly deviceId: string;
  readonly reason: string;
}

export type AttachOutcomeName = 'attached' | 'failed';

export interface AttachDecision {
  readonly outcome: AttachOutcomeName;
  readonly detail: string;
  readonly latencyMs: number;
}

export interface DetachDecision {
  readonly detail: string;
  readonly latencyMs: number;
}

/** Refuses a behaviour that cannot be simulated, naming every problem. */
export function assertValidBehaviour(behaviour: SimulatedBehaviour): void {
  const { latencyMs, failureRate, seed } = behaviour;
  const problems: string[] = [];
  if (!Number.isFinite(latencyMs.min) || latencyMs.min < 0) {
    problems.push(`latencyMs.min must be a number >= 0, got ${String(latencyMs.min)}`);
  }
  if (!Number.isFinite(latencyMs.max) || latencyMs.max < latencyMs.min) {
    problems.push(`latencyMs.max must be >= latencyMs.min, got ${String(latencyMs.max)}`);
  }
  if (!Number.isFinite(failureRate) || failureRate < 0 || failureRate > 1) {
    problems.push(`failureRate must be within 0..1, got ${String(failureRate)}`);
  }
  if (!Number.isSafeInteger(seed)) {
    problems.push(`seed must be an integer, got ${String(seed)}`);
  }
  if (problems.length > 0) {
    throw new InvalidResponderOptionsError(problems);
  }
}

/**
 * The answer to an attach intent. Outcome and latency depend only on the behaviour and the
 * intent's (composition, host, device, attempt), so an intent seen twice, even by another
 * process with the same seed, gets the same answer. An intent received after its deadline fails
 * without attaching, as a real agent must (the composer has already rolled back).
 */
export function decideAttach(
  intent: AttachIntent,
  behaviour: SimulatedBehaviour,
  receivedAt: Date,
): AttachDecision {
  const identity = `attach|${intent.compositionId}|${intent.hostId}|${intent.deviceId}|${String(intent.attempt)}`;
  const latencyMs = latencyFor(identity, behaviour);
  const deadline = Date.parse(intent.deadline);
  if (Number.isFinite(deadline) && receivedAt.getTime() > deadline) {
    return {
      outcome: 'failed',
      detail: `deadline ${intent.deadline} passed before the agent acted`,
      latencyMs: 0,
    };
  }
  if (unitInterval(behaviour.seed, `${identity}|outcome`) < behaviour.failureRate) {
    return { outcome: 'failed', detail: 'simulated attach failure', latencyMs };
  }
  return {
    outcome: 'attached',
    detail: `simulated attach through ${intent.fabricId || 'the default fabric'}`,
    latencyMs,
  };
}

/** The answer to a detach intent: always detached, after a latency fixed by the intent. */
export function decideDetach(intent: DetachIntent, behaviour: SimulatedBehaviour): DetachDecision {
  const identity = `detach|${intent.compositionId}|${intent.hostId}|${intent.deviceId}`;
  return { detail: 'simulated detach', latencyMs: latencyFor(identity, behaviour) };
}

function latencyFor(identity: string, behaviour: SimulatedBehaviour): number {
  const { min, max } = behaviour.latencyMs;
  return Math.round(min + unitInterval(behaviour.seed, `${identity}|latency`) * (max - min));
}

/**
 * A number in [0, 1) fixed by seed and text: FNV-1a over the text, started from the seed, then
 * a murmur3 finalizer to spread nearby inputs. Not cryptographic; only reproducible.
 */
export function unitInterval(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ (seed | 0) ^ Math.floor(seed / 0x1_0000_0000)) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}
