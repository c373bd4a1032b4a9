import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { readDocument, unwrap } from '../input/document-file.js';
import { renderItem } from '../output/format.js';
import { resourceView } from '../output/resource-views.js';
import { sessionOf, withExamples } from './session.js';

/** Composition templates: define a version, retire (platform admins). Read with get/describe. */
export function registerTemplateCommands(program: Command, io: CliIo): void {
  const templates = program
    .command('templates')
    .alias('template')
    .summary('Composition templates: define, retire')
    .description('Named, versioned specs with parameters (read them with `tessera get templates`)');
  withExamples(templates, '$ tessera templates define -f gpu-node.yaml', '$ tessera get templates');

  withExamples(
    templates
      .command('define')
      .description("Store a definition as the template's next version")
      .requiredOption(
        '-f, --file <file>',
        'the definition, bare or as {template: ...}; - reads stdin',
      ),
    '$ tessera templates define -f gpu-node.yaml',
    '',
    '  # gpu-node.yaml',
    '  name: gpu-node',
    '  parameters: [{name: gpus, type: number, defaultValue: 2, min: 1, max: 8}]',
    '  body:',
    '    host: {selector: {}}',
    '    groups: [{name: gpus, kind: gpu, count: "${gpus}"}]',
  ).action(async (options: { file: string }, command: Command) => {
    const session = sessionOf(command, io);
    const template = unwrap(await readDocument(options.file, io.readStdin), 'template');
    const client = await session.client();
    const defined = (await client.post('/v1/templates', { template })).body;
    session.print(
      renderItem(
        session.format,
        resourceView('templates', () => session.now()),
        defined,
      ),
    );
  });

  withExamples(
    templates
      .command('retire')
      .description('Retire a template: readable, but no new composition may name it')
      .argument('<name>', 'the template')
      .option('--reason <text>', 'why, recorded with the event'),
    '$ tessera templates retire gpu-node --reason "superseded by gpu-node-v2"',
  ).action(async (name: string, options: { reason?: string }, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const body = options.reason === undefined ? {} : { reason: options.reason };
    const retired = (await client.post(`/v1/templates/${encodeURIComponent(name)}/retire`, body))
      .body;
    session.print(
      renderItem(
        session.format,
        resourceView('templates', () => session.now()),
        retired,
      ),
    );
  });
}
