import { CompositionSpecInvalidError, validateCompositionSpec } from '../spec/index.js';
import type { LeaseCommand, LeaseRequest } from './lease-commands.js';
import { InvalidLeaseError } from './lease-errors.js';

export const maxLeaseCompositions = 1000;
/** The longest window a lease may span; longer needs are open-ended compositions. */
export const maxLeaseWindowDays = 90;
const dayMs = 24 * 60 * 60_000;
export const maxLeaseIdempotencyKeyLength = 200;

/**
 * The request if it can be admitted on its face, or a typed error naming the first bad field:
 * `InvalidLeaseError` (`id`, `tenant`, `name`, `idempotencyKey`, `count`, `start`, `end`,
 * `window`) or
 * `CompositionSpecInvalidError` listing every spec problem. `now` judges "start in the past".
 */
export function validateLeaseRequest(
  command: Extract<LeaseCommand, { command: 'Request' }>,
  now: Date,
): LeaseRequest {
  for (const field of ['id', 'tenant', 'name', 'requestedBy'] as const) {
    if (command[field].trim() === '') throw new InvalidLeaseError(field, 'must not be empty');
  }
  const key = command.idempotencyKey;
  if (key !== undefined && (key.trim() === '' || key.length > maxLeaseIdempotencyKeyLength)) {
    throw new InvalidLeaseError(
      'idempotencyKey',
      `must be 1 to ${maxLeaseIdempotencyKeyLength} characters when given`,
    );
  }
  if (
    !Number.isInteger(command.count) ||
    command.count < 1 ||
    command.count > maxLeaseCompositions
  ) {
    throw new InvalidLeaseError('count', `must be an integer from 1 to ${maxLeaseCompositions}`);
  }
  const start = instant(command.start, 'start');
  const end = instant(command.end, 'end');
  if (end.getTime() <= start.getTime()) {
    throw new InvalidLeaseError('end', `must be after start (${command.start})`);
  }
  if (start.getTime() < now.getTime()) {
    throw new InvalidLeaseError('start', `is in the past (now is ${now.toISOString()})`);
  }
  if (end.getTime() - start.getTime() > maxLeaseWindowDays * dayMs) {
    throw new InvalidLeaseError('window', `may last at most ${maxLeaseWindowDays} days`);
  }
  const validation = validateCompositionSpec(command.spec);
  if (!validation.ok) throw new CompositionSpecInvalidError(validation.problems);
  if (validation.spec.tenant !== command.tenant) {
    throw new InvalidLeaseError('spec.tenant', `must be the lease's tenant "${command.tenant}"`);
  }
  return {
    id: command.id,
    tenant: command.tenant,
    name: command.name,
    spec: validation.spec,
    count: command.count,
    start,
    end,
  };
}

function instant(text: string, field: 'start' | 'end'): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new InvalidLeaseError(field, `"${text}" is not a time`);
  return at;
}
