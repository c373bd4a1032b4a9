import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { cellText, valueAt } from '../output/values.js';
import { printDocument } from './get.js';
import { sessionOf, withExamples } from './session.js';

export function registerHealthCommand(program: Command, io: CliIo): void {
  withExamples(
    program
      .command('health')
      .summary('Whether the gateway answers')
      .description(
        'Whether the gateway answers (no token needed): exit 0 when it does, 5 when not',
      ),
    '$ tessera health',
    '$ until tessera health >/dev/null 2>&1; do sleep 1; done',
  ).action(async (_options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const answer = (await client.get('/healthz')).body;
    printDocument(
      session,
      answer,
      () => `${client.server}: ${cellText(valueAt(answer, 'status'))}\n`,
    );
  });
}
