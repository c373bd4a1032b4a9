/**
 * The environment the local Postgres runner reads, in one place (STYLE.md: only `*env*.ts` files
 * read `process.env`). Empty values count as unset.
 */
export interface PostgresRunnerEnv {
  /** `TESSERA_CACHE_DIR`: where Tessera caches downloads and copies of binaries. */
  readonly tesseraCacheDir: string | undefined;
  /** `XDG_CACHE_HOME`: the user's cache directory (the fallback parent of `tessera/`). */
  readonly xdgCacheHome: string | undefined;
}

export function readPostgresRunnerEnv(env: NodeJS.ProcessEnv = process.env): PostgresRunnerEnv {
  return {
    tesseraCacheDir: nonEmpty(env.TESSERA_CACHE_DIR),
    xdgCacheHome: nonEmpty(env.XDG_CACHE_HOME),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
