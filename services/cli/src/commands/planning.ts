import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readDocument, unwrap } from '../input/document-file.js';
import { parseDuration, parseInstant } from '../input/time-input.js';
import { describeLease } from '../output/describe.js';
import { renderItem } from '../output/format.js';
import { resourceView } from '../output/resource-views.js';
import { renderFields, renderTable } from '../output/table.js';
import { cellText, timeText, valueAt } from '../output/values.js';
import { positiveInteger, printDocument, printList } from './get.js';
import { resourceType } from './resources.js';
import { sessionOf, withExamples } from './session.js';

interface LeaseCreateOptions {
  readonly file: string;
  readonly tenant?: string;
  readonly name?: string;
  readonly count?: number;
  readonly start?: string;
  readonly end?: string;
  readonly idempotencyKey?: string;
}

export function registerPlanningCommands(program: Command, io: CliIo): void {
  const lease = program
    .command('lease')
    .alias('leases')
    .summary('Leases: create, get, list, cancel')
    .description('Leases: compositions of a spec held for a time window');
  withExamples(
    lease,
    '$ tessera lease create -f quarter-close.yaml',
    '$ tessera lease list --tenant finance',
  );

  withExamples(
    lease
      .command('create')
      .description('Ask for a lease: admitted (capacity held) or rejected (with the shortfalls)')
      .requiredOption(
        '-f, --file <file>',
        'the lease {tenant, name, spec, count, start, end}; - reads stdin',
      )
      .option('--tenant <tenant>', "overrides the file's tenant")
      .option('--name <name>', "overrides the file's name")
      .addOption(new Option('--count <n>', "overrides the file's count").argParser(positiveInteger))
      .option('--start <when>', 'overrides the start: a time, or from now (+1d)')
      .option('--end <when>', 'overrides the end: a time, or from now (+3d)')
      .option('--idempotency-key <key>', 'a retry with the same key answers the first lease'),
    '$ tessera lease create -f quarter-close.yaml --start 2030-03-28T00:00:00Z --end 2030-04-02T00:00:00Z',
    '$ tessera lease create -f quarter-close.yaml --start +1d --end +4d -o json',
    '',
    '  # quarter-close.yaml',
    '  tenant: finance',
    '  name: quarter-close',
    '  count: 4',
    '  spec:',
    '    hostSelector: {}',
    '    groups: [{name: gpus, kind: gpu, count: 2}]',
  ).action(async (options: LeaseCreateOptions, command: Command) => {
    const session = sessionOf(command, io);
    const document = unwrap(await readDocument(options.file, io.readStdin), 'lease');
    const now = session.now();
    const body = {
      ...document,
      ...(options.tenant !== undefined && { tenant: options.tenant }),
      ...(options.name !== undefined && { name: options.name }),
      ...(options.count !== undefined && { count: options.count }),
      ...(options.start !== undefined && { start: parseInstant(options.start, '--start', now) }),
      ...(options.end !== undefined && { end: parseInstant(options.end, '--end', now) }),
    };
    const headers =
      options.idempotencyKey === undefined
        ? undefined
        : { 'idempotency-key': options.idempotencyKey };
    const client = await session.client();
    const created = (await client.post('/v1/leases', body, headers)).body;
    printLease(session, created);
  });

  withExamples(
    lease.command('get').description('One lease').argument('<id>', 'the lease'),
    '$ tessera lease get l-0b7d3c',
  ).action(async (id: string, _options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    printLease(session, (await client.get(`/v1/leases/${encodeURIComponent(id)}`)).body);
  });

  withExamples(
    lease
      .command('list')
      .alias('ls')
      .description('Leases, one page or --all')
      .option('--tenant <tenant>', "only this tenant's")
      .option('--phase <phase>', 'Admitted, Rejected, Started, Ended, Cancelled')
      .option('--all', 'follow nextPageToken to the last page'),
    '$ tessera lease list --tenant finance --phase Admitted',
  ).action(
    async (options: { tenant?: string; phase?: string; all?: boolean }, command: Command) => {
      await printList(sessionOf(command, io), resourceType('leases'), options);
    },
  );

  withExamples(
    lease
      .command('cancel')
      .description('Cancel a lease before its start: its holds are released')
      .argument('<id>', 'the lease')
      .option('--reason <text>', 'why, recorded with the event'),
    '$ tessera lease cancel l-0b7d3c --reason "quarter close moved"',
  ).action(async (id: string, options: { reason?: string }, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const body = options.reason === undefined ? {} : { reason: options.reason };
    const answer = (await client.post(`/v1/leases/${encodeURIComponent(id)}/cancel`, body)).body;
    printLease(session, answer ?? { id, status: { phase: 'Cancelled' } });
  });

  withExamples(
    program
      .command('capacity')
      .summary('How many of a spec fit in a window; or the timeline')
      .description(
        'How many compositions of a spec fit at once in a window, and what is short; or, with --timeline, free and committed devices per kind over time',
      )
      .option('-f, --file <file>', 'the spec, bare or as {spec: ...}; - reads stdin')
      .option('--from <when>', 'the window start: a time, now, or from now (+1d)', 'now')
      .option('--to <when>', 'the window end (default: an hour after --from)')
      .addOption(
        new Option('--count <n>', 'how many are wanted at once')
          .argParser(positiveInteger)
          .default(1),
      )
      .addOption(
        new Option('--limit <n>', 'count on up to this many to learn how many more fit').argParser(
          positiveInteger,
        ),
      )
      .option('--timeline', 'the capacity timeline instead (no spec)')
      .option('--step <duration>', 'with --timeline: the step length, at least 1m', '1h'),
    '$ tessera capacity -f render-01.yaml --from 2030-03-28T00:00:00Z --to 2030-04-02T00:00:00Z --count 4',
    '$ tessera capacity -f render-01.yaml --count 1 --limit 100 -o json | jq .fits',
    '$ tessera capacity --timeline --from now --to +7d --step 1d',
  ).action(
    async (
      options: {
        file?: string;
        from: string;
        to?: string;
        count: number;
        limit?: number;
        timeline?: boolean;
        step: string;
      },
      command: Command,
    ) => {
      const session = sessionOf(command, io);
      const now = session.now();
      const start = parseInstant(options.from, '--from', now);
      const end =
        options.to === undefined
          ? new Date(Date.parse(start) + 3_600_000).toISOString().replace('.000Z', 'Z')
          : parseInstant(options.to, '--to', now);
      const client = await session.client();
      if (options.timeline === true) {
        if (options.file !== undefined) throw new UsageError('--timeline takes no spec: drop -f');
        const stepSeconds = Math.round(parseDuration(options.step, '--step') / 1000);
        const timeline = (await client.get('/v1/capacity/timeline', { start, end, stepSeconds }))
          .body;
        printDocument(session, timeline, () => timelineTable(timeline));
        return;
      }
      if (options.file === undefined) {
        throw new UsageError('capacity needs a spec: -f <file> (or --timeline)');
      }
      const spec = unwrap(await readDocument(options.file, io.readStdin), 'spec');
      const answer = (
        await client.post('/v1/capacity', {
          spec,
          wanted: options.count,
          limit: options.limit,
          windowStart: start,
          windowEnd: end,
        })
      ).body;
      printDocument(session, answer, () => capacityText(answer, start, end));
    },
  );
}

function printLease(session: ReturnType<typeof sessionOf>, lease: unknown): void {
  if (session.format === 'table') {
    session.print(describeLease(lease));
    return;
  }
  session.print(
    renderItem(
      session.format,
      resourceView('leases', () => session.now()),
      lease,
    ),
  );
}

function capacityText(answer: unknown, start: string, end: string): string {
  const text = (path: string) => cellText(valueAt(answer, path));
  const lines = renderFields(
    [
      ['Window', `${start} to ${end}`],
      ['Outcome', text('outcome')],
      ['Fits', text('fits')],
      ['Wanted', text('wanted')],
      ['Enough', text('enough')],
      ['Reason', text('reason')],
      ['Short because', text('shortage.reason')],
    ].filter(([, value]) => value !== '') as [string, string][],
  );
  const groups = valueAt(answer, 'shortage.groups');
  if (!Array.isArray(groups) || groups.length === 0) return lines;
  return `${lines}Shortage:\n${renderTable(
    [
      { header: 'group', cell: (row) => cellText(valueAt(row, 'group')) },
      { header: 'kind', cell: (row) => cellText(valueAt(row, 'kind')) },
      { header: 'count', cell: (row) => cellText(valueAt(row, 'count')) },
      { header: 'missing', cell: (row) => cellText(valueAt(row, 'missing')) },
      { header: 'closest host', cell: (row) => cellText(valueAt(row, 'closestHost')) },
      { header: 'free', cell: (row) => cellText(valueAt(row, 'free')) },
      { header: 'reason', cell: (row) => cellText(valueAt(row, 'reason')) },
    ],
    groups,
  )}`;
}

function timelineTable(timeline: unknown): string {
  const steps = valueAt(timeline, 'steps');
  if (!Array.isArray(steps)) return '';
  const rows = steps.flatMap((step: unknown) => {
    const kinds = valueAt(step, 'kinds');
    return Array.isArray(kinds) ? kinds.map((kind: unknown) => ({ step, kind })) : [];
  });
  return renderTable(
    [
      { header: 'start', cell: (row) => timeText(valueAt(row.step, 'start')) },
      { header: 'end', cell: (row) => timeText(valueAt(row.step, 'end')) },
      { header: 'kind', cell: (row) => cellText(valueAt(row.kind, 'kind')) },
      { header: 'total', cell: (row) => cellText(valueAt(row.kind, 'total') ?? 0) },
      { header: 'free', cell: (row) => cellText(valueAt(row.kind, 'free') ?? 0) },
      { header: 'committed', cell: (row) => cellText(valueAt(row.kind, 'committed') ?? 0) },
    ],
    rows,
  );
}
