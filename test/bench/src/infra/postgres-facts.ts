import { statfs } from 'node:fs/promises';
import pg from 'pg';

/** Settings that decide what a commit costs, and the ones a reader asks about next. */
const reportedSettings = [
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_sync_method',
  'commit_delay',
  'wal_level',
  'wal_buffers',
  'shared_buffers',
  'max_wal_size',
  'checkpoint_timeout',
  'max_connections',
] as const;

export interface PostgresFacts {
  readonly version: string;
  readonly settings: Readonly<Record<string, string>>;
  /** fsync and synchronous_commit are on: a commit waits for its WAL to reach the disk. */
  readonly durable: boolean;
}

export async function readPostgresFacts(url: string): Promise<PostgresFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await client.query<{ version: string }>(
      `SELECT current_setting('server_version') AS version`,
    );
    const { rows } = await client.query<{ name: string; value: string }>(
      'SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name',
      [reportedSettings],
    );
    const settings = Object.fromEntries(rows.map((row) => [row.name, row.value]));
    return {
      version: version.rows[0]?.version ?? 'unknown',
      settings,
      durable: settings.fsync === 'on' && settings.synchronous_commit === 'on',
    };
  } finally {
    await client.end();
  }
}

const filesystemNames: Readonly<Record<number, string>> = {
  0xef53: 'ext2/ext3/ext4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x01021994: 'tmpfs',
  0x794c7630: 'overlayfs',
  0x6969: 'nfs',
};

/** The kind of file system under `folder` (a tmpfs makes fsync free, which flatters appends). */
export async function filesystemOf(folder: string): Promise<string> {
  const { type } = await statfs(folder);
  return filesystemNames[type] ?? `unknown (0x${type.toString(16)})`;
}
