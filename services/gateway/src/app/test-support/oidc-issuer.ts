import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface TestIssuer {
  /** `http://127.0.0.1:<port>`: serves OpenID discovery and its JWKS. */
  readonly issuer: string;
  /** A token signed by the issuer's key, `iss` set, valid for an hour unless the claims say. */
  sign(claims: JWTPayload, options?: { key?: 'issuer' | 'stranger' }): Promise<string>;
  close(): Promise<void>;
}

/** A real OIDC issuer on loopback: RS256 keys, discovery document and JWKS over HTTP. */
export async function startTestIssuer(): Promise<TestIssuer> {
  const keys = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'issuer-key', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const body =
      request.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/jwks` }
        : request.url === '/jwks'
          ? { keys: [jwk] }
          : undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'issuer-key' })
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime(claims.exp ?? '1h')
        .sign(options.key === 'stranger' ? stranger.privateKey : keys.privateKey),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
