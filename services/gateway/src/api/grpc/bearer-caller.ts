import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { type Authenticators, authenticate } from '../../application/auth/authenticate.js';
import type { Principal } from '../../domain/access.js';
import { unauthenticated } from './grpc-refusal.js';

const correlationIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The caller the `authorization: Bearer <token>` metadata proves (an API token or an OIDC access
 * token); UNAUTHENTICATED without one or with one that is unknown, revoked or expired. Every
 * public gRPC call, forwarded or the gateway's own, is authenticated here.
 */
export async function bearerCaller(
  incoming: Metadata,
  authenticators: Authenticators,
): Promise<Principal> {
  const [header] = incoming.get('authorization');
  const credential =
    typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  if (credential === undefined) {
    throw unauthenticated(
      'send an API token or OIDC access token as "authorization: Bearer <token>"',
    );
  }
  const principal = await authenticate(credential, authenticators);
  if (principal === undefined) {
    throw unauthenticated('the bearer token is unknown, revoked or expired');
  }
  return principal;
}

/** The caller's `x-correlation-id` when it is well-formed, else a new one. */
export function correlationIdOf(incoming: Metadata): string {
  const [given] = incoming.get('x-correlation-id');
  return typeof given === 'string' && correlationIdPattern.test(given) ? given : randomUUID();
}
