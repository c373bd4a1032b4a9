import type { Principal } from '../../domain/access.js';

/** Verifies a bearer JWT against an issuer's keys and reads the caller from its claims. */
export interface BearerVerifier {
  /** The caller, or undefined when the token is not valid (signature, issuer, audience, time). */
  verify(jwt: string): Promise<Principal | undefined>;
}
