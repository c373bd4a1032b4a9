import { parseArgs } from 'node:util';
import { TesseraError } from '@tessera/errors';

export interface MigrateCommandConfig {
  readonly databaseUrl: string;
  readonly schema: string;
}

export class UsageError extends TesseraError<'USAGE'> {
  readonly code = 'USAGE';
}

export const usage =
  'usage: DATABASE_URL=postgres://… tsx --conditions=@tessera/source libs/event-store/src/cli/migrate.ts --schema <name>';

/** Reads the command line and DATABASE_URL; throws `UsageError` naming what is missing. */
export function readMigrateCommandConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): MigrateCommandConfig {
  let schema: string | undefined;
  try {
    ({
      values: { schema },
    } = parseArgs({ args: [...argv], options: { schema: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const problems: string[] = [];
  if (!schema) problems.push('--schema <name> is required');
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) problems.push('DATABASE_URL is not set');
  if (!schema || !databaseUrl) throw new UsageError(problems.join('; '));
  return { databaseUrl, schema };
}
