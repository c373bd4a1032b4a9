import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { BearerVerifier } from '../../application/ports/bearer-verifier.js';
import { IdentityProviderUnavailableError } from '../../application/auth/auth-errors.js';
import { type Grant, type Principal, parseGrant } from '../../domain/access.js';

export interface OidcVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's JWKS; undefined reads `jwks_uri` from its OpenID discovery document. */
  readonly jwksUrl: string | undefined;
  /** The claim holding the grants as `role:tenant` strings. */
  readonly rolesClaim: string;
  /** How long a key fetch may take. */
  readonly timeoutMs?: number;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies OIDC access tokens (signature by the issuer's published keys, `iss`, `aud`, `exp`,
 * `nbf`) with jose; keys are cached and refetched when a token names an unknown key id. The
 * caller is `oidc:<sub>` with the grants its roles claim lists; malformed grants are ignored.
 */
export class OidcBearerVerifier implements BearerVerifier {
  private keys: Promise<KeySet> | undefined;

  constructor(private readonly options: OidcVerifierOptions) {}

  async verify(jwt: string): Promise<Principal | undefined> {
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
      }));
    } catch (error) {
      if (isKeyFetchFailure(error)) {
        throw new IdentityProviderUnavailableError(this.options.issuer, { cause: error });
      }
      return undefined;
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') return undefined;
    return { subject: `oidc:${payload.sub}`, grants: grantsOf(payload[this.options.rolesClaim]) };
  }

  private keySet(): Promise<KeySet> {
    this.keys ??= this.discoverKeys().catch((error: unknown) => {
      this.keys = undefined;
      throw new IdentityProviderUnavailableError(this.options.issuer, { cause: error });
    });
    return this.keys;
  }

  private async discoverKeys(): Promise<KeySet> {
    const timeoutDuration = this.options.timeoutMs ?? 5_000;
    const url = this.options.jwksUrl ?? (await this.discoveredJwksUrl(timeoutDuration));
    return createRemoteJWKSet(new URL(url), { timeoutDuration });
  }

  private async discoveredJwksUrl(timeoutMs: number): Promise<string> {
    const response = await fetch(`${this.options.issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const document = (await response.json()) as { jwks_uri?: unknown };
    if (typeof document.jwks_uri !== 'string') throw new Error('discovery has no jwks_uri');
    return document.jwks_uri;
  }
}

function grantsOf(claim: unknown): Grant[] {
  const texts = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  return texts.flatMap((text: unknown) => {
    const grant = typeof text === 'string' ? parseGrant(text) : undefined;
    return grant === undefined ? [] : [grant];
  });
}

/**
 * A failure to get the keys, not a bad token: a timeout, a network error (not a JOSEError), or
 * an error answer from the JWKS endpoint (a plain JOSEError, whose code is the generic one).
 */
function isKeyFetchFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error.code === errors.JOSEError.code;
}
