import { randomBytes } from 'node:crypto';

/** Kafka allows letters, digits, '.', '_' and '-' (mixing '.' and '_' only earns a warning). */
const LEGAL_TOPIC = /^[a-zA-Z0-9.-]+$/;
const MAX_PREFIX = 180;

/** Distinguishes the test files (and runs) that share one broker. */
const fileToken = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
let counter = 0;

/**
 * A topic name no other test file, run or call uses: `<prefix>.<file token>.<n>`. Each test file
 * gets its own token (modules are loaded per file), so files sharing a broker never read each
 * other's events, and a broker reused across runs never hands back old ones.
 */
export function uniqueTopic(prefix: string): string {
  if (!LEGAL_TOPIC.test(prefix) || prefix.length > MAX_PREFIX) {
    throw new Error(`topic prefix must be 1-${MAX_PREFIX} of [a-zA-Z0-9.-], got "${prefix}"`);
  }
  counter += 1;
  return `${prefix}.${fileToken}.${counter}`;
}
