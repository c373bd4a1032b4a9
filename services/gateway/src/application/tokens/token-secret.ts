import { createHash, randomBytes } from 'node:crypto';

/** Every secret Tessera issues starts so, which lets secret scanners recognise a leaked one. */
export const tokenSecretPrefix = 'tsr_';

/** A new secret: the prefix and 256 random bits, base64url. */
export function newTokenSecret(): string {
  return `${tokenSecretPrefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored and looked up: a secret has 256 random bits (or, for a configured bootstrap
 * token, at least 16 characters), so a fast hash is enough; there is nothing to brute-force.
 */
export function secretSha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
