import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { parseDuration } from '../input/time-input.js';
import { renderFields } from '../output/table.js';
import { cellText, valueAt } from '../output/values.js';
import { printDocument } from './get.js';
import { sessionOf, withExamples } from './session.js';

/** Redfish discovery sources: register, remove, sync now (platform administration). */
export function registerSourceCommands(program: Command, io: CliIo): void {
  const sources = program
    .command('sources')
    .alias('source')
    .summary('Redfish discovery sources: register, remove, sync')
    .description('Redfish services the inventory discovers hardware from (needs admin on *)');
  withExamples(
    sources,
    '$ tessera sources register --id bmc-fra1 --url https://bmc-fra1.example --interval 5m',
    '$ tessera sources sync bmc-fra1',
  );

  withExamples(
    sources
      .command('register')
      .description('Register a Redfish source, or change its interval')
      .requiredOption('--id <id>', "names the source and prefixes its items' ids")
      .requiredOption('--url <url>', "the Redfish service's base URL")
      .option('--interval <duration>', 'how often it is read, 10s to 1d (server default 5m)')
      .option('--username <name>', 'basic credentials; the password comes from stdin')
      .option('--password-stdin', 'read the password from standard input'),
    '$ tessera sources register --id bmc-fra1 --url https://bmc-fra1.example --interval 10m',
    '$ pass show bmc/fra1 | tessera sources register --id bmc-fra1 --url https://bmc-fra1.example --username tessera --password-stdin',
  ).action(
    async (
      options: {
        id: string;
        url: string;
        interval?: string;
        username?: string;
        passwordStdin?: boolean;
      },
      command: Command,
    ) => {
      const session = sessionOf(command, io);
      const intervalSeconds =
        options.interval === undefined
          ? undefined
          : Math.round(parseDuration(options.interval, '--interval') / 1000);
      const password = options.passwordStdin === true ? (await io.readStdin()).trim() : undefined;
      const client = await session.client();
      const source = (
        await client.post('/v1/discovery-sources', {
          id: options.id,
          url: options.url,
          intervalSeconds,
          username: options.username,
          password,
        })
      ).body;
      printDocument(session, source, () =>
        session.format === 'name'
          ? `${options.id}\n`
          : `source ${options.id} ${valueAt(source, 'registered') === false ? 'updated' : 'registered'}, read every ${cellText(valueAt(source, 'intervalSeconds'))}s\n`,
      );
    },
  );

  withExamples(
    sources
      .command('remove')
      .description('Remove a source: every item it declared goes missing')
      .argument('<id>', 'the source')
      .option('--reason <text>', 'why, recorded with the event'),
    '$ tessera sources remove bmc-fra1 --reason "rack decommissioned"',
  ).action(async (id: string, options: { reason?: string }, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const answer = (
      await client.request('DELETE', `/v1/discovery-sources/${encodeURIComponent(id)}`, {
        query: { reason: options.reason },
      })
    ).body;
    printDocument(session, answer, () =>
      session.format === 'name'
        ? `${id}\n`
        : `source ${id} removed; ${cellText(valueAt(answer, 'missing') ?? 0) || '0'} items went missing\n`,
    );
  });

  withExamples(
    sources
      .command('sync')
      .description('Read a source now and reconcile what it reports')
      .argument('<id>', 'the source'),
    '$ tessera sources sync bmc-fra1 -o json',
  ).action(async (id: string, _options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const answer = (await client.post(`/v1/discovery-sources/${encodeURIComponent(id)}/sync`, {}))
      .body;
    const text = (path: string) => cellText(valueAt(answer, path) ?? 0);
    printDocument(session, answer, () =>
      renderFields(
        (
          [
            ['Source', id],
            ['Outcome', text('outcome')],
            ['Error', cellText(valueAt(answer, 'error'))],
            ['Registered', text('registered')],
            ['Updated', text('updated')],
            ['Unchanged', text('unchanged')],
            ['Missing', text('missing')],
            ['Warnings', cellText(valueAt(answer, 'warnings')).replaceAll(',', '; ')],
          ] as [string, string][]
        ).filter(([, value]) => value !== ''),
      ),
    );
  });
}
