import { stat } from 'node:fs/promises';
import path from 'node:path';

/** The user and group a Postgres process runs as when spawned by this process. */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** nobody / nogroup: Postgres refuses to run as root, so root hands it to this identity. */
export const UNPRIVILEGED: RunAs = { uid: 65534, gid: 65534 };

/**
 * Who Postgres runs as: the unprivileged identity when this process is root, otherwise undefined
 * (it runs as the current user). `uid` is injectable for tests.
 */
export function postgresRunAs(uid: number | undefined = process.getuid?.()): RunAs | undefined {
  return uid === 0 ? UNPRIVILEGED : undefined;
}

/**
 * The first folder on the way to `target` (itself included when it exists) that a user who is
 * neither its owner nor in its group cannot enter, or undefined when the whole existing path is
 * open. Folders that do not exist yet are not checked: whoever creates them sets their mode.
 */
export async function firstClosedFolder(target: string): Promise<string | undefined> {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let current = absolute; ; current = path.dirname(current)) {
    folders.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of folders) {
    const info = await stat(folder).catch(() => undefined);
    if (info === undefined) return undefined;
    if (!info.isDirectory()) continue;
    if ((info.mode & 0o001) === 0) return folder;
  }
  return undefined;
}
