import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readInput } from '../input/document-file.js';
import { renderFields, renderTable } from '../output/table.js';
import { cellText, valueAt } from '../output/values.js';
import { printDocument } from './get.js';
import { itemPath, resourceType } from './resources.js';
import { sessionOf, withExamples } from './session.js';

/** What cordon, uncordon and retire apply to. */
const changeableKinds = ['devices', 'hosts', 'enclosures', 'fabrics'] as const;

const itemCommands = [
  {
    verb: 'cordon',
    past: 'cordoned',
    summary: 'Take an item out of scheduling',
    description: 'Take an item out of scheduling (idempotent); its compositions keep running',
    example: '$ tessera cordon device gpu-17 --reason "RMA 4711"',
    reasonRequired: true,
  },
  {
    verb: 'uncordon',
    past: 'uncordoned',
    summary: 'Offer a cordoned item for scheduling again',
    description: 'Offer a cordoned item for scheduling again',
    example: '$ tessera uncordon device gpu-17 --reason "replaced under RMA 4711"',
    reasonRequired: false,
  },
  {
    verb: 'retire',
    past: 'retired',
    summary: 'Remove an item from service for good',
    description:
      'Remove an item from service for good (no later change is possible; needs admin on *)',
    example: '$ tessera retire enclosure jbof-3 --reason "decommissioned"',
    reasonRequired: true,
  },
] as const;

export function registerInventoryCommands(program: Command, io: CliIo): void {
  withExamples(
    program
      .command('import')
      .summary('Import a hardware manifest')
      .description(
        'Import a hardware manifest (YAML or JSON): the whole declaration of source manifest:<name>; all or nothing',
      )
      .requiredOption('-f, --file <file>', 'the manifest, YAML or JSON; - reads stdin')
      .option('--name <name>', 'the manifest source name (default: the file name)'),
    '$ tessera import -f rack-12.yaml',
    '$ generate-manifest | tessera import -f - --name lab-b -o json',
  ).action(async (options: { file: string; name?: string }, command: Command) => {
    const session = sessionOf(command, io);
    const text = await readInput(options.file, io.readStdin);
    const name = options.name ?? manifestNameOf(options.file);
    const json = /\.json$/i.test(options.file) || /^\s*\{/.test(text);
    const client = await session.client();
    const report = (
      await client.request('POST', '/v1/manifests', {
        query: { name },
        text: { content: text, contentType: json ? 'application/json' : 'application/yaml' },
      })
    ).body;
    printDocument(session, report, () => importReport(name, report));
  });

  for (const { verb, past, summary, description, example, reasonRequired } of itemCommands) {
    const reason = '--reason <text>';
    const reasonHelp = 'why, recorded with the event';
    const base = program
      .command(verb)
      .summary(summary)
      .description(description)
      .argument('<kind>', `${changeableKinds.join(', ')} (singular too)`)
      .argument('<id>', 'the item')
      .option('--if-version <version>', 'refuse (412) unless the item is at this version');
    withExamples(
      reasonRequired ? base.requiredOption(reason, reasonHelp) : base.option(reason, reasonHelp),
      example,
    ).action(
      async (
        kind: string,
        id: string,
        options: { reason?: string; ifVersion?: string },
        command: Command,
      ) => {
        const session = sessionOf(command, io);
        const type = resourceType(kind);
        if (!(changeableKinds as readonly string[]).includes(type.name)) {
          throw new UsageError(`${verb} takes ${changeableKinds.join(', ')}, not ${type.name}`);
        }
        const client = await session.client();
        const answer = await client.post(
          `${itemPath(type, id)}/${verb}`,
          options.reason === undefined ? {} : { reason: options.reason },
          options.ifVersion === undefined ? undefined : { 'if-match': `"${options.ifVersion}"` },
        );
        const item = answer.body;
        const phase = cellText(valueAt(item, 'status.phase'));
        if (answer.status === 202) {
          session.note(
            `the inventory has not caught up yet: \`tessera get ${type.name} ${id}\` shows it soon`,
          );
        }
        printDocument(session, item, () =>
          session.format === 'name'
            ? `${id}\n`
            : `${type.name.replace(/s$/, '')} ${id} ${past}${phase === '' ? '' : ` (phase ${phase})`}\n`,
        );
      },
    );
  }
}

/** `racks/rack-12.yaml` → `rack-12`, as the inventory takes source names. */
function manifestNameOf(file: string): string {
  if (file === '-') throw new UsageError('name the manifest read from stdin with --name');
  return path
    .basename(file)
    .replace(/\.(ya?ml|json)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-');
}

function importReport(name: string, report: unknown): string {
  const count = (field: string) => cellText(valueAt(report, field) ?? 0) || '0';
  const refused = valueAt(report, 'refused');
  const summary = renderFields([
    ['Manifest', cellText(valueAt(report, 'manifest')) || name],
    ['Registered', count('registered')],
    ['Updated', count('updated')],
    ['Unchanged', count('unchanged')],
    ['Missing', count('missing')],
  ]);
  if (!Array.isArray(refused) || refused.length === 0) return summary;
  return `${summary}Refused:\n${renderTable(
    [
      { header: 'kind', cell: (row) => cellText(valueAt(row, 'kind')) },
      { header: 'id', cell: (row) => cellText(valueAt(row, 'id')) },
      { header: 'reason', cell: (row) => cellText(valueAt(row, 'reason')) },
    ],
    refused,
  )}`;
}
