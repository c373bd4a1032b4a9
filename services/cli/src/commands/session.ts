import type { Command } from 'commander';
import { ApiClient } from '../client/api-client.js';
import { configFilePath, loadConfig, type StoredConfig } from '../config/config-file.js';
import { type Connection, resolveConnection } from '../config/connection.js';
import type { CliIo } from '../io.js';
import { parseDuration } from '../input/time-input.js';
import { isOutputFormat, type OutputFormat } from '../output/format.js';

/** The options every command takes (declared on the program). */
export interface GlobalOptions {
  readonly server?: string;
  readonly token?: string;
  readonly output: string;
  readonly requestTimeout: string;
}

/**
 * What a command works with: its output format, where to write, and the API client built from
 * the flags, the environment and the config file.
 */
export class Session {
  readonly format: OutputFormat;
  readonly configFile: string;
  private readonly options: GlobalOptions;
  private loaded: Promise<{ file: StoredConfig | undefined; connection: Connection }> | undefined;

  constructor(
    readonly io: CliIo,
    options: GlobalOptions,
  ) {
    this.options = options;
    this.format = isOutputFormat(options.output) ? options.output : 'table';
    this.configFile = configFilePath(io.env);
  }

  /** Data, on stdout. */
  print(text: string): void {
    if (text !== '') this.io.stdout.write(text);
  }

  /** Progress, warnings and hints, on stderr. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  now(): number {
    return (this.io.now ?? Date.now)();
  }

  /** The stored config and the connection the flags, environment and file make. */
  async connection(): Promise<{ file: StoredConfig | undefined; connection: Connection }> {
    this.loaded ??= loadConfig(this.configFile).then((file) => ({
      file,
      connection: resolveConnection(this.options, this.io.env, file),
    }));
    return this.loaded;
  }

  async client(): Promise<ApiClient> {
    const { connection } = await this.connection();
    return this.clientFor(connection.server.value, connection.token?.value);
  }

  clientFor(server: string, token: string | undefined): ApiClient {
    return new ApiClient({
      server,
      token,
      timeoutMs: parseDuration(this.options.requestTimeout, '--request-timeout'),
      ...(this.io.fetch !== undefined && { fetch: this.io.fetch }),
      ...(this.io.signal !== undefined && { signal: this.io.signal }),
    });
  }
}

/** The session of the command being run: its options merged with the program's. */
export function sessionOf(command: Command, io: CliIo): Session {
  return new Session(io, command.optsWithGlobals<GlobalOptions>());
}

/** Appends an `Examples:` section to a command's help: every command shows at least one. */
export function withExamples(command: Command, ...examples: string[]): Command {
  return command.addHelpText(
    'after',
    `\nExamples:\n${examples.map((example) => (example === '' ? '' : `  ${example}`)).join('\n')}`,
  );
}
