import type { Command } from 'commander';
import type { ApiClient } from '../client/api-client.js';
import type { CliIo } from '../io.js';
import { readDocument, unwrap } from '../input/document-file.js';
import { parseDuration } from '../input/time-input.js';
import { groupsText } from '../output/describe.js';
import { renderItem } from '../output/format.js';
import { resourceView } from '../output/resource-views.js';
import { renderTable } from '../output/table.js';
import { cellText, enumText, firstValue, valueAt } from '../output/values.js';
import { printDocument } from './get.js';
import { type Session, sessionOf, withExamples } from './session.js';
import { type WaitGoal, waitError, waitForComposition } from './wait.js';

interface WaitOptions {
  readonly wait?: boolean;
  readonly timeout: string;
  readonly ifVersion?: string;
}

const ready: WaitGoal = { phase: 'Ready', needsNewVersion: false };
const readyAgain: WaitGoal = { phase: 'Ready', needsNewVersion: true };
const decomposed: WaitGoal = { phase: 'Decomposed', needsNewVersion: true };

export function registerComposeCommands(program: Command, io: CliIo): void {
  withExamples(
    withWait(
      program
        .command('compose')
        .summary('Compose a server from a spec file')
        .description('Compose a server from the pools (a spec file, YAML or JSON)')
        .requiredOption('-f, --file <file>', 'the spec, bare or as {spec: ...}; - reads stdin')
        .option(
          '--idempotency-key <key>',
          'a retry with the same key answers the first composition',
        ),
      'Ready',
    ),
    '$ tessera compose -f render-01.yaml --wait',
    '$ tessera compose -f render-01.yaml --idempotency-key render-01-q4 --wait --timeout 10m -o json',
    '$ cat spec.json | tessera compose -f - -o name',
    '',
    '  # render-01.yaml',
    '  name: render-01',
    '  tenant: finance',
    '  hostSelector: {}',
    '  groups:',
    '    - {name: gpus, kind: gpu, count: 2}',
    '    - {name: disks, kind: nvme, count: 4}',
  ).action(
    async (options: { file: string; idempotencyKey?: string } & WaitOptions, command: Command) => {
      const session = sessionOf(command, io);
      const spec = unwrap(await readDocument(options.file, io.readStdin), 'spec');
      const client = await session.client();
      const headers =
        options.idempotencyKey === undefined
          ? undefined
          : { 'idempotency-key': options.idempotencyKey };
      const accepted = (await client.post('/v1/compositions', { spec }, headers)).body;
      await finish(session, client, accepted, options, ready);
    },
  );

  withExamples(
    program
      .command('preview')
      .summary('What composing would choose, or why nothing fits')
      .description(
        'What composing a spec would choose now, or per group why nothing fits (changes nothing)',
      )
      .requiredOption('-f, --file <file>', 'the spec, bare or as {spec: ...}; - reads stdin'),
    '$ tessera preview -f render-01.yaml',
    '$ tessera preview -f render-01.yaml -o json | jq -r .outcome',
  ).action(async (options: { file: string }, command: Command) => {
    const session = sessionOf(command, io);
    const spec = unwrap(await readDocument(options.file, io.readStdin), 'spec');
    const client = await session.client();
    const preview = (await client.post('/v1/compositions/preview', { spec })).body;
    printDocument(session, preview, () => previewText(preview));
  });

  withExamples(
    withWait(
      withIfVersion(
        program
          .command('expand')
          .summary('Add a device group to a composition')
          .description('Add a device group to a Ready composition')
          .argument('<id>', 'the composition')
          .requiredOption('-f, --file <file>', 'the group, bare or as {group: ...}; - reads stdin'),
      ),
      'Ready again',
    ),
    '$ tessera expand c-5f2e9a -f more-disks.yaml --wait',
    '',
    '  # more-disks.yaml',
    '  {name: more-disks, kind: nvme, count: 2}',
  ).action(async (id: string, options: { file: string } & WaitOptions, command: Command) => {
    const session = sessionOf(command, io);
    const group = unwrap(await readDocument(options.file, io.readStdin), 'group');
    const client = await session.client();
    const accepted = (
      await client.post(`${compositionPath(id)}/expand`, { group }, ifMatch(options))
    ).body;
    await finish(session, client, accepted, options, readyAgain);
  });

  withExamples(
    withWait(
      withIfVersion(
        program
          .command('shrink')
          .summary('Release some devices of a composition')
          .description('Detach and release some devices of a Ready composition')
          .argument('<id>', 'the composition')
          .argument('<deviceIds...>', 'the devices to release'),
      ),
      'Ready again',
    ),
    '$ tessera shrink c-5f2e9a nvme-17 nvme-18 --wait',
  ).action(async (id: string, deviceIds: string[], options: WaitOptions, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const accepted = (
      await client.post(`${compositionPath(id)}/shrink`, { deviceIds }, ifMatch(options))
    ).body;
    await finish(session, client, accepted, options, readyAgain);
  });

  withExamples(
    withWait(
      withIfVersion(
        program
          .command('decompose')
          .summary('Release everything of a composition')
          .description('Detach and release everything of a composition (idempotent)')
          .argument('<id>', 'the composition')
          .option('--reason <text>', 'why, recorded with the events'),
      ),
      'Decomposed',
    ),
    '$ tessera decompose c-5f2e9a --reason "quarter closed" --wait',
    '$ tessera list compositions --phase Failed -o name | xargs -n1 tessera decompose',
  ).action(async (id: string, options: { reason?: string } & WaitOptions, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const body = options.reason === undefined ? {} : { reason: options.reason };
    const accepted = (await client.post(`${compositionPath(id)}/decompose`, body, ifMatch(options)))
      .body;
    await finish(session, client, accepted, options, decomposed);
  });

  withExamples(
    program
      .command('reserve')
      .summary('Hold what composing would choose, for a while')
      .description('Hold what composing a spec would choose, for a while (then apply-reservation)')
      .requiredOption('-f, --file <file>', 'the spec, bare or as {spec: ...}; - reads stdin')
      .option('--hold <duration>', 'how long to hold, 1s to 1h (server default 5m)'),
    '$ tessera reserve -f render-01.yaml --hold 10m',
  ).action(async (options: { file: string; hold?: string }, command: Command) => {
    const session = sessionOf(command, io);
    const spec = unwrap(await readDocument(options.file, io.readStdin), 'spec');
    const holdSeconds =
      options.hold === undefined
        ? undefined
        : Math.round(parseDuration(options.hold, '--hold') / 1000);
    const client = await session.client();
    const answer = (await client.post('/v1/reservations', { spec, holdSeconds })).body;
    printDocument(session, answer, () =>
      session.format === 'name'
        ? `${cellText(valueAt(answer, 'reservationId'))}\n`
        : `${previewText(answer)}${reservationLine(answer)}`,
    );
  });

  withExamples(
    withWait(
      program
        .command('apply-reservation')
        .summary('Compose what a reservation holds')
        .description('Compose exactly the devices a reservation holds')
        .argument('<reservationId>', 'the id `tessera reserve` printed')
        .option(
          '--idempotency-key <key>',
          'a retry with the same key answers the first composition',
        ),
      'Ready',
    ),
    '$ tessera apply-reservation r-81c2d0 --wait',
  ).action(
    async (id: string, options: { idempotencyKey?: string } & WaitOptions, command: Command) => {
      const session = sessionOf(command, io);
      const client = await session.client();
      const headers =
        options.idempotencyKey === undefined
          ? undefined
          : { 'idempotency-key': options.idempotencyKey };
      const accepted = (
        await client.post(`/v1/reservations/${encodeURIComponent(id)}/apply`, {}, headers)
      ).body;
      await finish(session, client, accepted, options, ready);
    },
  );
}

function withWait(command: Command, goal: string): Command {
  return command
    .option('--wait', `wait until ${goal} (exit 0) or Failed (exit 6)`)
    .option('--timeout <duration>', 'how long --wait waits (exit 6 after)', '5m');
}

/** The optimistic check of a change: `If-Match` with the version the caller last read. */
function withIfVersion(command: Command): Command {
  return command.option(
    '--if-version <version>',
    'refuse (412) unless the composition is at this version',
  );
}

/** Prints the accepted composition, or with --wait the one it became; exits 6 short of the goal. */
async function finish(
  session: Session,
  client: ApiClient,
  accepted: unknown,
  options: WaitOptions,
  goal: WaitGoal,
): Promise<void> {
  const view = resourceView('compositions', () => session.now());
  if (options.wait !== true) {
    session.print(renderItem(session.format, view, accepted));
    return;
  }
  const timeoutMs = parseDuration(options.timeout, '--timeout');
  const { composition, outcome } = await waitForComposition(
    session,
    client,
    accepted,
    goal,
    timeoutMs,
  );
  session.print(renderItem(session.format, view, composition));
  if (outcome !== 'reached') throw waitError(composition, goal, outcome, options.timeout);
}

function ifMatch(options: WaitOptions): Record<string, string> | undefined {
  return options.ifVersion === undefined ? undefined : { 'if-match': `"${options.ifVersion}"` };
}

function compositionPath(id: string): string {
  return `/v1/compositions/${encodeURIComponent(id)}`;
}

/** A preview (or reservation) for people: the choice, or why nothing fits per group. */
export function previewText(preview: unknown): string {
  const outcome = enumText(valueAt(preview, 'outcome'), 'PREVIEW_OUTCOME_');
  const reason = cellText(valueAt(preview, 'reason'));
  const groups = firstValue(preview, 'devices', 'groups');
  if (outcome === 'Fits') {
    const lines = `Fits on host ${cellText(valueAt(preview, 'hostId'))}:\n`;
    return Array.isArray(groups) && groups.length > 0
      ? lines +
          renderTable(
            [
              { header: 'group', cell: (row) => cellText(valueAt(row, 'group')) },
              { header: 'devices', cell: (row) => groupsText([row]).replace(/^[^:]*: /, '') },
            ],
            groups,
          )
      : lines;
  }
  const examined = cellText(valueAt(preview, 'hostsExamined'));
  const why = valueAt(preview, 'unschedulableGroups');
  const heading = `${outcome === 'Unschedulable' ? 'Does not fit' : outcome}${reason === '' ? '' : `: ${reason}`}${examined === '' ? '' : ` (${examined} hosts examined)`}\n`;
  return Array.isArray(why) && why.length > 0
    ? heading +
        renderTable(
          [
            { header: 'group', cell: (row) => cellText(valueAt(row, 'group')) },
            { header: 'why not', cell: (row) => cellText(valueAt(row, 'why')) },
          ],
          why,
        )
    : heading;
}

function reservationLine(answer: unknown): string {
  const id = cellText(valueAt(answer, 'reservationId'));
  if (id === '') return '';
  return `Reservation ${id}, held until ${cellText(valueAt(answer, 'expiresAt'))}: tessera apply-reservation ${id}\n`;
}
