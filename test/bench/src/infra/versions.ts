import { createRequire } from 'node:module';

/** The version of an installed npm package, read from its package.json. */
export function installedVersion(packageName: string): string {
  const require = createRequire(import.meta.url);
  const manifest = require(`${packageName}/package.json`) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
