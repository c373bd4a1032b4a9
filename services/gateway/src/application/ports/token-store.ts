import type { Grant } from '../../domain/access.js';

/** An API token as stored: everything but its secret, of which only a hash is kept. */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly grants: readonly Grant[];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | undefined;
  readonly revokedAt: Date | undefined;
  readonly revokedBy: string | undefined;
}

export interface NewApiToken {
  readonly id: string;
  readonly name: string;
  readonly secretSha256: Buffer;
  readonly grants: readonly Grant[];
  readonly createdBy: string;
  readonly expiresAt: Date | undefined;
}

export interface TokenStore {
  /** Stores a new token; `TokenNameTakenError` when an active token already has its name. */
  insert(token: NewApiToken): Promise<ApiToken>;
  /** The active (unrevoked, unexpired at `now`) token whose secret hashes to `sha256`. */
  findActive(sha256: Buffer, now: Date): Promise<ApiToken | undefined>;
  /** Every token, newest first, revoked ones included. */
  list(): Promise<readonly ApiToken[]>;
  /** Marks a token revoked; false when it does not exist or was already revoked. */
  revoke(id: string, revokedBy: string): Promise<boolean>;
  /**
   * Makes `token` the active token named `token.name`, revoking an active one of that name
   * whose secret differs (the configured bootstrap token changed); nothing when it is already so.
   */
  ensure(token: NewApiToken): Promise<void>;
}
