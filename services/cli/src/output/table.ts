/** One column of a table: its heading and how a row shows in it. */
export interface Column<Row = unknown> {
  readonly header: string;
  readonly cell: (row: Row) => string;
}

/**
 * Rows as aligned columns under upper-case headings, two spaces apart, as kubectl prints them;
 * the last column is not padded. Cells are single-line: line breaks and tabs become spaces.
 */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const grid = [
    columns.map((column) => column.header.toUpperCase()),
    ...rows.map((row) => columns.map((column) => singleLine(column.cell(row)))),
  ];
  const widths = columns.map((_, index) =>
    Math.max(...grid.map((line) => displayWidth(line[index] ?? ''))),
  );
  return grid
    .map((line) =>
      line
        .map((cell, index) =>
          index === line.length - 1
            ? cell
            : cell + ' '.repeat((widths[index] ?? 0) - displayWidth(cell)),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `Key:  value` lines, the values aligned. */
export function renderFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...fields.map(([key]) => displayWidth(key) + 1));
  return fields
    .map(([key, value]) => `${`${key}:`.padEnd(width)}  ${singleLine(value)}`.trimEnd() + '\n')
    .join('');
}

function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

const graphemes = new Intl.Segmenter();

/** Characters as a terminal counts them (grapheme clusters; no wide-character tables). */
function displayWidth(text: string): number {
  let width = 0;
  for (const _ of graphemes.segment(text)) width += 1;
  return width;
}
