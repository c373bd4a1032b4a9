import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { invalidArgument } from '@tessera/api-kit';
import type { CommandContext } from '../../application/ports/command-context.js';

export const correlationIdKey = 'x-correlation-id';
export const actorKey = 'x-actor';

/** Until the gateway authenticates callers, a call without `x-actor` is recorded as this. */
export const anonymousActor = 'anonymous';

/** Longest correlation id or actor accepted: both are stored on every event a command causes. */
const maxLength = 200;

/**
 * Who asks and in which workflow, from the call's metadata: `x-correlation-id` (a new UUID
 * when absent) and `x-actor` (`anonymous` when absent).
 */
export function commandContextOf(metadata: Metadata): CommandContext {
  return {
    correlationId: textOf(metadata, correlationIdKey) ?? randomUUID(),
    actor: textOf(metadata, actorKey) ?? anonymousActor,
  };
}

function textOf(metadata: Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length > maxLength) {
    throw invalidArgument(`metadata.${key}`, `must be at most ${maxLength} characters`);
  }
  return text === '' ? undefined : text;
}
