import { UsageError } from '../errors.js';
import type { StoredConfig } from './config-file.js';

/** Where a setting came from, for `tessera config view`. */
export type SettingSource = 'flag' | 'environment' | 'config file' | 'default';

export interface Setting {
  readonly value: string;
  readonly source: SettingSource;
}

/** The server and token a command uses. */
export interface Connection {
  readonly server: Setting;
  readonly token: Setting | undefined;
}

/** The local gateway of `npm start`, when nothing else names a server. */
export const defaultServer = 'http://127.0.0.1:8080';

/**
 * Flags override the environment (`TESSERA_SERVER`, `TESSERA_TOKEN`), which overrides the
 * config file; the server defaults to the local gateway. A token without a server of its own
 * is still sent to whichever server wins: the caller chose both layers.
 */
export function resolveConnection(
  flags: { readonly server?: string | undefined; readonly token?: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
  file: StoredConfig | undefined,
): Connection {
  const server = pick(flags.server, env.TESSERA_SERVER, file?.server) ?? {
    value: defaultServer,
    source: 'default' as const,
  };
  return {
    server: { ...server, value: normalizeServer(server.value) },
    token: pick(flags.token, env.TESSERA_TOKEN, file?.token),
  };
}

/** `http://host:port` without a trailing slash; a bare `host:port` gets `http://`. */
export function normalizeServer(text: string): string {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`"${text}" is not a server URL`, ['e.g. http://127.0.0.1:8080']);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${text}" is not an http:// or https:// URL`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** The token as `config view` shows it: never the secret, enough to tell tokens apart. */
export function redactToken(token: string): string {
  const prefix = token.startsWith('tsr_') ? 'tsr_' : '';
  const tail = token.length >= 32 ? token.slice(-4) : '';
  return `${prefix}****${tail}`;
}

function pick(
  flag: string | undefined,
  environment: string | undefined,
  file: string | undefined,
): Setting | undefined {
  if (present(flag)) return { value: flag.trim(), source: 'flag' };
  if (present(environment)) return { value: environment.trim(), source: 'environment' };
  if (present(file)) return { value: file.trim(), source: 'config file' };
  return undefined;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
