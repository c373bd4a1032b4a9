import { stringify } from 'yaml';
import { UsageError } from '../errors.js';
import { type Column, renderTable } from './table.js';

/** How a command prints what it got: for people (`table`) or for scripts. */
export const outputFormats = ['table', 'json', 'yaml', 'name'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export function isOutputFormat(text: string): text is OutputFormat {
  return (outputFormats as readonly string[]).includes(text);
}

/** How one kind of answer prints as a table and by name. */
export interface View<Row = unknown> {
  readonly columns: readonly Column<Row>[];
  /** The id `-o name` prints. */
  readonly nameOf: (row: Row) => string;
}

/** A document as JSON (2-space indented) or YAML, ending in a newline. */
export function renderDocument(format: 'json' | 'yaml', value: unknown): string {
  if (format === 'json') return `${JSON.stringify(value ?? null, null, 2)}\n`;
  return stringify(value ?? null, { lineWidth: 0 });
}

/**
 * A list: a table, one id a line, or the items as one JSON array / YAML sequence (not the
 * page, so that `jq '.[]'` works the same with and without `--all`).
 */
export function renderItems<Row>(
  format: OutputFormat,
  view: View<Row>,
  items: readonly Row[],
): string {
  switch (format) {
    case 'table':
      return items.length === 0 ? '' : renderTable(view.columns, items);
    case 'name':
      return items.map((item) => `${view.nameOf(item)}\n`).join('');
    case 'json':
    case 'yaml':
      return renderDocument(format, items);
    default:
      return unknownFormat(format);
  }
}

/** One resource: a one-row table, its id, or the document. */
export function renderItem<Row>(format: OutputFormat, view: View<Row>, item: Row): string {
  switch (format) {
    case 'table':
      return renderTable(view.columns, [item]);
    case 'name':
      return `${view.nameOf(item)}\n`;
    case 'json':
    case 'yaml':
      return renderDocument(format, item);
    default:
      return unknownFormat(format);
  }
}

function unknownFormat(format: never): never {
  throw new UsageError(`unknown output format "${String(format)}"`);
}
