import { randomUUID } from 'node:crypto';
import type { Grant, Principal } from '../../domain/access.js';
import { administers, firstGrantNotHeld } from '../../domain/token-administration.js';
import { grantNotHeld } from '../access/access-denied-error.js';
import type { ApiToken, TokenStore } from '../ports/token-store.js';
import { TokenNotFoundError } from './token-errors.js';
import { newTokenSecret, secretSha256 } from './token-secret.js';

export interface IssueToken {
  readonly name: string;
  readonly grants: readonly Grant[];
  readonly expiresAt: Date | undefined;
  /** Who asks: it may only hand out grants it administers. */
  readonly issuer: Principal;
}

/** A token just issued: the only time its secret is ever seen. */
export interface IssuedToken {
  readonly token: ApiToken;
  readonly secret: string;
}

/**
 * Issues a token with grants the issuer holds itself (`AccessDeniedError` naming the first it
 * does not); only the secret's hash is stored.
 */
export async function issueToken(store: TokenStore, command: IssueToken): Promise<IssuedToken> {
  const notHeld = firstGrantNotHeld(command.issuer, command.grants);
  if (notHeld !== undefined) throw grantNotHeld(notHeld);
  const secret = newTokenSecret();
  const token = await store.insert({
    id: randomUUID(),
    name: command.name,
    secretSha256: secretSha256(secret),
    grants: command.grants,
    createdBy: command.issuer.subject,
    expiresAt: command.expiresAt,
  });
  return { token, secret };
}

/** The tokens the caller administers, newest first, revoked ones included. */
export async function listTokens(
  store: TokenStore,
  caller: Principal,
): Promise<readonly ApiToken[]> {
  return (await store.list()).filter((token) => administers(caller, token.grants));
}

/**
 * Revokes an active token the caller administers; `TokenNotFoundError` for one that does not
 * exist, is revoked already or is not the caller's to see, alike.
 */
export async function revokeToken(store: TokenStore, id: string, caller: Principal): Promise<void> {
  const token = (await store.list()).find((candidate) => candidate.id === id);
  if (token === undefined || token.revokedAt !== undefined || !administers(caller, token.grants)) {
    throw new TokenNotFoundError(id);
  }
  if (!(await store.revoke(id, caller.subject))) throw new TokenNotFoundError(id);
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
