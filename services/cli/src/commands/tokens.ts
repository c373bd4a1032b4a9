import { type Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { parseInstant } from '../input/time-input.js';
import { renderItem, renderItems } from '../output/format.js';
import { resourceView } from '../output/resource-views.js';
import { cellText, valueAt } from '../output/values.js';
import { printDocument, readList } from './get.js';
import { resourceType } from './resources.js';
import { sessionOf, withExamples } from './session.js';

export function registerTokenCommands(program: Command, io: CliIo): void {
  const tokens = program
    .command('tokens')
    .alias('token')
    .summary('API tokens: create, list, revoke')
    .description('API tokens for automation: issue, list, revoke (needs the admin role)');
  withExamples(
    tokens,
    '$ tessera tokens create --name quarter-end --grant operator:finance --expires 90d',
    '$ tessera tokens list',
    '$ tessera tokens revoke 3f6c1d2e-…',
  );

  withExamples(
    tokens
      .command('create')
      .description('Issue a token; its secret is printed once, never again')
      .requiredOption('--name <name>', 'unique among active tokens: lowercase letters, digits, -')
      .addOption(
        new Option('--grant <role:tenant>', 'viewer|operator|admin : tenant or *; repeatable')
          .argParser((value: string, previous: string[] | undefined) => [
            ...(previous ?? []),
            value,
          ])
          .makeOptionMandatory(),
      )
      .option('--expires <when>', 'a time (2027-01-04T00:00:00Z) or a duration from now (90d)'),
    '$ tessera tokens create --name quarter-end --grant operator:finance --expires 90d',
    '$ tessera tokens create --name ci --grant viewer:finance --grant viewer:research -o json | jq -r .secret',
  ).action(
    async (options: { name: string; grant: string[]; expires?: string }, command: Command) => {
      const session = sessionOf(command, io);
      const expiresAt =
        options.expires === undefined
          ? undefined
          : parseInstant(options.expires, '--expires', session.now());
      const client = await session.client();
      const issued = (
        await client.post('/v1/tokens', { name: options.name, grants: options.grant, expiresAt })
      ).body;
      const secret = cellText(valueAt(issued, 'secret'));
      session.note(
        'Save the secret now: it is shown this once and cannot be read again. Revoke the token if it leaks.',
      );
      const view = resourceView('tokens', () => session.now());
      printDocument(session, issued, () =>
        session.format === 'name'
          ? `${cellText(valueAt(issued, 'id'))}\n`
          : `${renderItem('table', view, issued)}\nsecret: ${secret}\n`,
      );
    },
  );

  withExamples(
    tokens.command('list').alias('ls').description('The tokens you administer, revoked ones too'),
    '$ tessera tokens list',
    "$ tessera tokens list -o json | jq -r '.[] | select(.revokedAt == null) | .name'",
  ).action(async (_options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const type = resourceType('tokens');
    const { items } = await readList(await session.client(), type, {});
    session.print(
      renderItems(
        session.format,
        resourceView('tokens', () => session.now()),
        items,
      ),
    );
    if (items.length === 0 && session.format === 'table') session.note('No tokens found.');
  });

  withExamples(
    tokens
      .command('revoke')
      .description('Revoke a token: it stops working at once')
      .argument('<id>', 'the token id (see tokens list)'),
    '$ tessera tokens revoke 3f6c1d2e-…',
  ).action(async (id: string, _options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    await client.delete(`/v1/tokens/${encodeURIComponent(id)}`);
    printDocument(session, { id, revoked: true }, () =>
      session.format === 'name' ? `${id}\n` : `token ${id} revoked\n`,
    );
  });
}
