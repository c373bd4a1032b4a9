import { randomUUID } from 'node:crypto';
import type { Grant } from '../../domain/access.js';
import type { ApiToken, TokenStore } from '../ports/token-store.js';
import { TokenNotFoundError } from './token-errors.js';
import { newTokenSecret, secretSha256 } from './token-secret.js';

export interface IssueToken {
  readonly name: string;
  readonly grants: readonly Grant[];
  readonly expiresAt: Date | undefined;
  readonly issuedBy: string;
}

/** A token just issued: the only time its secret is ever seen. */
export interface IssuedToken {
  readonly token: ApiToken;
  readonly secret: string;
}

export async function issueToken(store: TokenStore, command: IssueToken): Promise<IssuedToken> {
  const secret = newTokenSecret();
  const token = await store.insert({
    id: randomUUID(),
    name: command.name,
    secretSha256: secretSha256(secret),
    grants: command.grants,
    createdBy: command.issuedBy,
    expiresAt: command.expiresAt,
  });
  return { token, secret };
}

/** Revokes an active token; `TokenNotFoundError` when none has that id. */
export async function revokeToken(store: TokenStore, id: string, revokedBy: string): Promise<void> {
  if (!(await store.revoke(id, revokedBy))) throw new TokenNotFoundError(id);
}

/** The name the configured bootstrap admin token is stored under. */
export const bootstrapTokenName = 'bootstrap-admin';

/** Makes the configured secret the active `bootstrap-admin` token, an admin of every tenant. */
export async function ensureBootstrapToken(store: TokenStore, secret: string): Promise<void> {
  await store.ensure({
    id: randomUUID(),
    name: bootstrapTokenName,
    secretSha256: secretSha256(secret),
    grants: [{ role: 'admin', tenant: '*' }],
    createdBy: 'system:configuration',
    expiresAt: undefined,
  });
}
