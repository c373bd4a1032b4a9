import { InvalidItemCommandError } from '@tessera/inventory-domain';
import { executeSourceCommand } from '../execute-source-command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { SourceCredentials, SourceRepository } from '../ports/source-repository.js';
import type { RegisterSourceCommand } from './register-source.command.js';

export interface SourceDeps {
  readonly sources: SourceRepository;
  readonly credentials: SourceCredentials;
}

/**
 * Registers a Redfish source. Credentials are saved apart from the events; a username without a
 * password (or the reverse) is refused. The first sync runs on the sync loop's next round.
 */
export async function registerSource(
  deps: SourceDeps,
  command: RegisterSourceCommand,
  context: CommandContext,
): Promise<{ registered: boolean }> {
  if ((command.username === undefined) !== (command.password === undefined)) {
    throw new InvalidItemCommandError(
      'password',
      'give both a username and a password, or neither',
    );
  }
  const facts = await executeSourceCommand(
    deps.sources,
    command.id,
    {
      command: 'Register',
      spec: { id: command.id, url: command.url, intervalSeconds: command.intervalSeconds },
    },
    context,
  );
  if (command.username !== undefined && command.password !== undefined) {
    await deps.credentials.save(command.id, {
      username: command.username,
      password: command.password,
    });
  }
  return { registered: facts.some((fact) => fact.fact === 'Registered') };
}
