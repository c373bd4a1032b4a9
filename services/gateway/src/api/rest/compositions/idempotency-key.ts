import { randomUUID } from 'node:crypto';
import { ApiProblem } from '../problem.js';

/**
 * The `Idempotency-Key` header as the composer takes it. Without one the gateway makes a fresh
 * key, so a retry makes a second composition: safe retries are the client's choice.
 */
export function idempotencyKeyOf(header: string | undefined): string {
  const key = header?.trim() ?? '';
  if (key.length > 200) {
    throw new ApiProblem(400, 'VALIDATION_FAILED', 'Idempotency-Key is too long', [
      { field: 'Idempotency-Key', message: 'must be at most 200 characters' },
    ]);
  }
  return key === '' ? randomUUID() : key;
}
