/**
 * Writes a generated lab manifest (see services/inventory/docs/manifest.md) to stdout or a file.
 *
 *   tsx --conditions=@tessera/source services/inventory/src/cli/generate-lab.ts \
 *     --seed 7 --hosts 100 [--devices 1000] [--sites 2] [--format yaml|json] [--out lab.yaml]
 *
 * Exit codes: 0 written, 1 the file could not be written, 2 bad arguments.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TesseraError } from '@tessera/errors';
import { generateLab, LabOptionsInvalidError, type LabOptions } from '@tessera/inventory-domain';
import { stringify } from 'yaml';

export const usage =
  'usage: generate-lab --seed <integer> --hosts <count> [--devices <count>] [--sites <count>] ' +
  '[--format yaml|json] [--out <file>]';

/** Where the command writes; tests pass their own. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

type Arguments =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly options: LabOptions;
      readonly format: 'yaml' | 'json';
      readonly out: string | undefined;
    };

/** An argument the command cannot use; the message names it. */
class UsageError extends TesseraError<'USAGE'> {
  readonly code = 'USAGE';

  constructor(argument: string | undefined, problem: string) {
    super(
      argument === undefined ? `bad argument: ${problem}` : `bad argument ${argument}: ${problem}`,
    );
  }
}

/** Runs the command with `argv` (the arguments after the script) and returns the exit code. */
export function main(argv: readonly string[], output: CommandOutput = processOutput): number {
  let text: string;
  let out: string | undefined;
  try {
    const args = readArguments(argv);
    if (args.help) {
      output.out(`${usage}\n`);
      return 0;
    }
    text = render(generateLab(args.options), args.format);
    out = args.out;
  } catch (error) {
    const problem = usageProblem(error);
    if (problem === undefined) throw error;
    output.err(`${problem}\n${usage}\n`);
    return 2;
  }
  if (out === undefined) {
    output.out(text);
    return 0;
  }
  try {
    writeFileSync(out, text);
    return 0;
  } catch (error) {
    output.err(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function usageProblem(error: unknown): string | undefined {
  if (error instanceof UsageError) return error.message;
  if (error instanceof LabOptionsInvalidError) {
    return new UsageError(`--${error.option}`, error.problem).message;
  }
  return undefined;
}

function readArguments(argv: readonly string[]): Arguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        hosts: { type: 'string' },
        devices: { type: 'string' },
        sites: { type: 'string' },
        format: { type: 'string', default: 'yaml' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    // Node's messages name the argument in their first sentence ("Unknown option '--x'").
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(undefined, message.split('. ')[0] ?? message);
  }
  if (values.help) return { help: true };
  const { format } = values;
  if (format !== 'yaml' && format !== 'json') {
    throw new UsageError('--format', `must be yaml or json, not "${format}"`);
  }
  const devices = integer('devices', values.devices);
  const sites = integer('sites', values.sites);
  return {
    help: false,
    format,
    out: values.out,
    options: {
      seed: required('seed', integer('seed', values.seed)),
      hosts: required('hosts', integer('hosts', values.hosts)),
      ...(devices === undefined ? {} : { devices }),
      ...(sites === undefined ? {} : { sites }),
    },
  };
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${name}`, `"${text}" is not an integer`);
  }
  return value;
}

function required(name: string, value: number | undefined): number {
  if (value === undefined) throw new UsageError(`--${name}`, 'is required');
  return value;
}

function render(manifest: unknown, format: 'yaml' | 'json'): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(manifest, null, 2)}\n`;
    case 'yaml':
      // No anchors and aliases (objects are never shared on purpose), no line folding.
      return stringify(manifest, { aliasDuplicateObjects: false, lineWidth: 0 });
  }
}

/** True when this file is the script node was started with (not imported by a test). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  try {
    return script !== undefined && realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = main(process.argv.slice(2));
