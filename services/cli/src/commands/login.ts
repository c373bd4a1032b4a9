import type { Command } from 'commander';
import type { ApiClient } from '../client/api-client.js';
import { saveConfig } from '../config/config-file.js';
import { redactToken, resolveConnection } from '../config/connection.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { renderFields } from '../output/table.js';
import { printDocument } from './get.js';
import { sessionOf, withExamples } from './session.js';

export function registerLoginCommands(program: Command, io: CliIo): void {
  withExamples(
    program
      .command('login')
      .summary('Check a token and save it with the server')
      .description('Check a token against the server and save both in the config file (mode 0600)')
      .option(
        '--token-stdin',
        'read the token from standard input (keeps it out of shell history)',
      ),
    '$ tessera login --server http://127.0.0.1:8080 --token tsr_…',
    '$ pass show tessera/finance | tessera login --server https://tessera.example --token-stdin',
  ).action(async (options: { tokenStdin?: boolean }, command: Command) => {
    const session = sessionOf(command, io);
    const flags = command.optsWithGlobals<{ server?: string; token?: string }>();
    if (options.tokenStdin === true && flags.token !== undefined) {
      throw new UsageError('give --token or --token-stdin, not both');
    }
    const { file } = await session.connection();
    const fromStdin = options.tokenStdin === true ? (await io.readStdin()).trim() : undefined;
    const connection = resolveConnection(
      { ...flags, token: fromStdin ?? flags.token },
      io.env,
      file,
    );
    const token = connection.token?.value;
    if (token === undefined) {
      throw new UsageError('no token to log in with', [
        'pass --token <token>, or pipe it in with --token-stdin',
      ]);
    }
    const server = connection.server.value;
    await checkToken(session.clientFor(server, token));
    await saveConfig(session.configFile, { server, token });
    printDocument(
      session,
      { server, configFile: session.configFile },
      () => `Logged in to ${server}; saved to ${session.configFile}\n`,
    );
  });

  const config = program.command('config').description('Show the settings the CLI uses');
  withExamples(
    config
      .command('view')
      .description('The server, the token (redacted) and where each comes from'),
    '$ tessera config view',
    '$ TESSERA_SERVER=https://tessera.example tessera config view -o json',
  ).action(async (_options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const { file, connection } = await session.connection();
    const view = {
      configFile: session.configFile,
      configFileExists: file !== undefined,
      server: connection.server.value,
      serverFrom: connection.server.source,
      token: connection.token === undefined ? null : redactToken(connection.token.value),
      tokenFrom: connection.token?.source ?? null,
    };
    printDocument(session, view, () =>
      renderFields([
        ['Config file', `${view.configFile}${view.configFileExists ? '' : ' (not created yet)'}`],
        ['Server', `${view.server} (${view.serverFrom})`],
        [
          'Token',
          view.token === null ? '<none>' : `${view.token} (${connection.token?.source ?? ''})`,
        ],
      ]),
    );
  });
  withExamples(config, '$ tessera config view');
}

/**
 * Whether the server knows the token: `GET /v1/whoami` answers 401 for a credential the gateway
 * does not accept, and 403 for a token that holds no grant (which can do nothing); both fail.
 */
async function checkToken(client: ApiClient): Promise<void> {
  await client.get('/v1/whoami');
}
