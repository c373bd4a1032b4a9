import { serviceNames } from './service-commands.js';

/** The name distributed mode's own lines carry. */
export const ownName = 'distributed';

const width = Math.max(ownName.length, ...serviceNames.map((name) => name.length));

/** Receives each line a part writes, with the part's name. */
export type LineSink = (part: string, line: string) => void;

/** The default sink: `inventory   | <line>` on stdout, like `docker compose` prints. */
export const prefixedStdout: LineSink = (part, line) => {
  process.stdout.write(`${part.padEnd(width)} | ${line}\n`);
};

/** "; its last lines:" and them, indented, or nothing when there are none. */
export function linesOf(lines: readonly string[]): string {
  return lines.length === 0
    ? ''
    : `; its last lines:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}
