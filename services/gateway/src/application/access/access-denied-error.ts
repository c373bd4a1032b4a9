import { TesseraError } from '@tessera/errors';
import { anyTenant, type Grant, type Role } from '../../domain/access.js';

/**
 * A valid caller without the role this needs (REST 403, gRPC PERMISSION_DENIED). Raised for what
 * the caller named itself; what belongs to a tenant it cannot see is reported as not found.
 */
export class AccessDeniedError extends TesseraError<'FORBIDDEN'> {
  readonly code = 'FORBIDDEN';
}

/** The caller named a tenant it does not hold `role` on. */
export function roleNeededOnTenant(role: Role, tenant: string): AccessDeniedError {
  return new AccessDeniedError(`this needs the ${role} role on tenant "${tenant}"`);
}

/** The caller asked to hand out a grant it does not administer. */
export function grantNotHeld(grant: Grant): AccessDeniedError {
  const where = grant.tenant === anyTenant ? 'every tenant ("*")' : `tenant "${grant.tenant}"`;
  return new AccessDeniedError(
    `granting ${grant.role}:${grant.tenant} needs the admin role on ${where}`,
  );
}
