import type { Principal } from '../../domain/access.js';
import type { BearerVerifier } from '../ports/bearer-verifier.js';
import type { TokenStore } from '../ports/token-store.js';
import { secretSha256 } from '../tokens/token-secret.js';

export interface Authenticators {
  readonly tokens: TokenStore;
  /** Absent when no OIDC issuer is configured: JWTs are then refused. */
  readonly oidc: BearerVerifier | undefined;
  readonly now: () => Date;
}

/**
 * The caller a bearer credential proves, or undefined: a JWT (three dot-separated parts) is
 * verified by OIDC, anything else is looked up as an API token by the hash of its secret.
 */
export async function authenticate(
  credential: string,
  authenticators: Authenticators,
): Promise<Principal | undefined> {
  if (credential.split('.').length === 3) return authenticators.oidc?.verify(credential);
  const token = await authenticators.tokens.findActive(
    secretSha256(credential),
    authenticators.now(),
  );
  return token === undefined ? undefined : { subject: `token:${token.name}`, grants: token.grants };
}
