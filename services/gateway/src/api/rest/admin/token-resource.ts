import type { ApiToken } from '../../../application/ports/token-store.js';
import { grantText } from '../../../domain/access.js';

/** An API token as the API answers it: never its secret, which is shown once at issue. */
export interface TokenResource {
  readonly id: string;
  readonly name: string;
  readonly grants: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string | undefined;
  readonly revokedAt: string | undefined;
  readonly revokedBy: string | undefined;
}

export function tokenResource(token: ApiToken): TokenResource {
  return {
    id: token.id,
    name: token.name,
    grants: token.grants.map(grantText),
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString(),
    revokedAt: token.revokedAt?.toISOString(),
    revokedBy: token.revokedBy,
  };
}
