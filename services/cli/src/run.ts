import { Command, CommanderError, Option } from 'commander';
import { registerComposeCommands } from './commands/compose.js';
import { registerGetCommands } from './commands/get.js';
import { registerHealthCommand } from './commands/health.js';
import { registerInventoryCommands } from './commands/inventory.js';
import { registerLoginCommands } from './commands/login.js';
import { registerPlanningCommands } from './commands/planning.js';
import { registerQuotaCommands } from './commands/quotas.js';
import { registerSourceCommands } from './commands/sources.js';
import { registerTemplateCommands } from './commands/templates.js';
import { withExamples } from './commands/session.js';
import { registerTokenCommands } from './commands/tokens.js';
import { registerWatchCommand } from './commands/watch.js';
import { CliError, ExitCode, exitCodesHelp } from './errors.js';
import type { CliIo } from './io.js';
import { outputFormats } from './output/format.js';

/**
 * Runs `tessera <argv>` and answers its exit code: 0 ok, 1 usage, 2 refused, 3 not found,
 * 4 auth, 5 unavailable, 6 wait failed (see `ExitCode`). Never exits the process and never
 * writes anywhere but `io`, so that it runs in-process as well as from the `tessera` binary.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** The command tree, built afresh for each run (commander keeps parse state on it). */
export function buildProgram(io: CliIo): Command {
  const program = new Command('tessera')
    .description(
      "Tessera's command line: compose servers from pooled hardware, plan capacity, administer tokens, follow events.\nEvery command speaks the public REST API; see `tessera <command> --help`.",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        io.stdout.write(text);
      },
      writeErr: (text) => {
        io.stderr.write(text);
      },
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError()
    .option('-s, --server <url>', 'the API, e.g. http://127.0.0.1:8080 (env TESSERA_SERVER)')
    .option('--token <token>', 'the bearer token (env TESSERA_TOKEN)')
    .addOption(
      new Option('-o, --output <format>', 'table for people; json, yaml or name (ids) for scripts')
        .choices(outputFormats)
        .default('table'),
    )
    .option('--request-timeout <duration>', 'how long one request may take', '30s')
    .helpCommand(true);
  registerLoginCommands(program, io);
  registerGetCommands(program, io);
  registerComposeCommands(program, io);
  registerPlanningCommands(program, io);
  registerQuotaCommands(program, io);
  registerTemplateCommands(program, io);
  registerInventoryCommands(program, io);
  registerSourceCommands(program, io);
  registerWatchCommand(program, io);
  registerTokenCommands(program, io);
  registerHealthCommand(program, io);
  withExamples(
    program,
    '$ tessera login --server http://127.0.0.1:8080 --token tsr_…',
    '$ tessera list devices --kind gpu',
    '$ tessera compose -f render-01.yaml --wait',
    '$ tessera describe composition c-5f2e9a',
    '$ tessera watch --kind composition',
  );
  program.addHelpText(
    'after',
    `\nConfiguration: flags override TESSERA_SERVER / TESSERA_TOKEN, which override the config file\n($TESSERA_CONFIG, else $XDG_CONFIG_HOME/tessera/config.json, else ~/.config/tessera/config.json).\n\n${exitCodesHelp}`,
  );
  return program;
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander printed the message (or the help) itself.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof CliError) {
    io.stderr.write(`error: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`  ${line}\n`);
    return error.exitCode;
  }
  io.stderr.write(
    `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return ExitCode.usage;
}
