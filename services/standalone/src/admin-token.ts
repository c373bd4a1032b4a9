import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SavedAdminTokenInvalidError } from './standalone-errors.js';

/** Where the admin token came from, which says how to tell the user about it. */
export type AdminTokenSource = 'environment' | 'saved' | 'generated';

export interface AdminToken {
  readonly token: string;
  readonly source: AdminTokenSource;
  /** The file in the data folder that holds it (unless it came from the environment). */
  readonly file: string;
}

/** Every secret Tessera issues starts so (as the gateway's own tokens do). */
const tokenPrefix = 'tsr_';
const savedToken = /^\S{16,}$/;

export function adminTokenFile(dataDir: string): string {
  return path.join(dataDir, 'admin-token');
}

/**
 * The gateway's bootstrap admin token: the configured one; else the one saved in the data
 * folder; else a new one (160 random bits), saved there readable by its owner only, so that a
 * restart keeps it. A new token is written to a temporary file and renamed, so a crash never
 * leaves a half-written one.
 */
export async function resolveAdminToken(
  dataDir: string,
  configured: string | undefined,
): Promise<AdminToken> {
  const file = adminTokenFile(dataDir);
  if (configured !== undefined) return { token: configured, source: 'environment', file };
  const saved = await readSaved(file);
  if (saved !== undefined) return { token: saved, source: 'saved', file };
  const token = `${tokenPrefix}${randomBytes(20).toString('hex')}`;
  const temporary = `${file}.${String(process.pid)}.tmp`;
  try {
    await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  return { token, source: 'generated', file };
}

async function readSaved(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const token = text.trim();
  if (!savedToken.test(token)) throw new SavedAdminTokenInvalidError(file);
  return token;
}

/** What a welcome text needs to know of the admin token. */
export interface AdminTokenShown {
  readonly adminToken: string;
  readonly adminTokenSource: AdminTokenSource;
  readonly adminTokenFile: string;
}

/**
 * How a welcome text shows the admin token: the token itself only when it was just generated
 * (the one time it is printed), else where it is; and what a first command sends as bearer.
 */
export function adminTokenDisplay(token: AdminTokenShown): { shown: string; bearer: string } {
  const file = token.adminTokenFile;
  switch (token.adminTokenSource) {
    case 'generated':
      return {
        shown: `${token.adminToken}\n                (new: shown only this once, saved in ${file})`,
        bearer: token.adminToken,
      };
    case 'saved':
      return { shown: `saved in ${file}`, bearer: `$(cat '${file}')` };
    case 'environment':
      return { shown: 'TESSERA_ADMIN_TOKEN', bearer: '$TESSERA_ADMIN_TOKEN' };
  }
}
