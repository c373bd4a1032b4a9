/**
 * The environment variables the CLI reads, taken once by the entry point and passed on in
 * `CliIo.env`; nothing else reads `process.env`.
 */
export const cliEnvironmentVariables = [
  'TESSERA_SERVER',
  'TESSERA_TOKEN',
  'TESSERA_CONFIG',
  'XDG_CONFIG_HOME',
  'HOME',
] as const;

export type CliEnvironment = Readonly<
  Partial<Record<(typeof cliEnvironmentVariables)[number], string>>
>;

/** The process's values of the variables the CLI reads (empty ones count as unset). */
export function processEnvironment(): CliEnvironment {
  const environment: Partial<Record<(typeof cliEnvironmentVariables)[number], string>> = {};
  for (const name of cliEnvironmentVariables) {
    const value = process.env[name];
    if (value !== undefined && value !== '') environment[name] = value;
  }
  return environment;
}
