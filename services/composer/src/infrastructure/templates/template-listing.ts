import type { Template } from '@tessera/composer-domain';
import { type Migration, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { TemplateSummary } from '../../application/templates/template-repository.js';

/** The listing's own schema: one row per template, written in the transaction of its events. */
export const composerTemplatesSchema = 'composer_templates';

export const templateListingMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'template listing',
    sql: `
      CREATE TABLE templates (
        name text PRIMARY KEY,
        latest_version integer NOT NULL CHECK (latest_version >= 1),
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'retired')),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

interface ListingRow {
  readonly name: string;
  readonly latest_version: number;
  readonly description: string;
  readonly status: 'active' | 'retired';
}

/** The listing rows: a summary of each template's latest state. */
export class TemplateListing {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdentifier(schema)}.templates`;
  }

  async record(client: pg.ClientBase, template: Template): Promise<void> {
    const latest = template.versions.at(-1);
    if (!latest) return;
    await client.query(
      `INSERT INTO ${this.table} (name, latest_version, description, status)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET latest_version = EXCLUDED.latest_version,
         description = EXCLUDED.description, status = EXCLUDED.status, updated_at = now()`,
      [template.name, latest.version, latest.description, template.status],
    );
  }

  async list(client: pg.Pool): Promise<TemplateSummary[]> {
    const { rows } = await client.query<ListingRow>(
      `SELECT name, latest_version, description, status FROM ${this.table} ORDER BY name`,
    );
    return rows.map((row) => ({
      name: row.name,
      latestVersion: row.latest_version,
      description: row.description,
      status: row.status,
    }));
  }
}
