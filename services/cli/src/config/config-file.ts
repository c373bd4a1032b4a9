import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** What `tessera login` saves: where the API is and the token to send it. */
export interface StoredConfig {
  readonly server?: string;
  readonly token?: string;
}

/**
 * The config file: `$TESSERA_CONFIG`, else `$XDG_CONFIG_HOME/tessera/config.json`, else
 * `~/.config/tessera/config.json`.
 */
export function configFilePath(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = nonEmpty(env.TESSERA_CONFIG);
  if (explicit !== undefined) return path.resolve(explicit);
  const configHome =
    nonEmpty(env.XDG_CONFIG_HOME) ?? path.join(nonEmpty(env.HOME) ?? homedir(), '.config');
  return path.join(configHome, 'tessera', 'config.json');
}

/** The saved config; empty when the file does not exist. A broken file is a usage error. */
export async function loadConfig(file: string): Promise<StoredConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read the config file ${file}: ${messageOf(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the config file ${file} is not valid JSON: ${messageOf(error)}`, [
      'fix it, or run `tessera login` again after removing it',
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`the config file ${file} must hold a JSON object`);
  }
  const { server, token } = parsed as Record<string, unknown>;
  return {
    ...(typeof server === 'string' && { server }),
    ...(typeof token === 'string' && { token }),
  };
}

/**
 * Writes the config readable by its owner only (0600, its folder 0700): it holds a secret. The
 * file is replaced atomically, so a crash never leaves half a token.
 */
export async function saveConfig(file: string, config: StoredConfig): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    throw new UsageError(`cannot write the config file ${file}: ${messageOf(error)}`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
