import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { invalidArgument } from '@tessera/api-kit';
import type { CommandContext } from '../../application/ports/command-context.js';

export const correlationIdKey = 'x-correlation-id';
export const actorKey = 'x-actor';

/** Until the gateway authenticates callers, a call without `x-actor` is recorded as this. */
export const anonymousActor = 'anonymous';

/** Longest correlation id, actor or idempotency key accepted: each is stored with the events. */
export const maxTextLength = 200;

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

/** A required idempotency key, trimmed; INVALID_ARGUMENT naming `field` when absent or long. */
export function idempotencyKeyOf(key: string, field = 'idempotency_key'): string {
  const text = key.trim();
  if (text === '') throw invalidArgument(field, 'is required: a retry sends the same key');
  if (text.length > maxTextLength) {
    throw invalidArgument(field, `must be at most ${maxTextLength} characters`);
  }
  return text;
}

/** A required text argument, trimmed; INVALID_ARGUMENT naming `field` when empty or too long. */
export function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (text === '') throw invalidArgument(field, 'is required');
  if (text.length > maxTextLength) {
    throw invalidArgument(field, `must be at most ${maxTextLength} characters`);
  }
  return text;
}

function textOf(metadata: Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length > maxTextLength) {
    throw invalidArgument(`metadata.${key}`, `must be at most ${maxTextLength} characters`);
  }
  return text === '' ? undefined : text;
}
