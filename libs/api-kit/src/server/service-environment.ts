import { TesseraError } from '@tessera/errors';
import { type ClassConstructor, plainToInstance, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';

/**
 * The variables every Tessera service reads, as the environment gives them. A service extends
 * it with its own variables and sets its own `GRPC_PORT` default. Each variable reports its
 * first failed check only; checks run bottom-up, the most basic one first.
 */
export class ServiceEnvironment {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  @IsNotEmpty({ message: 'is required: a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be an IPv4 address or a host name' })
  GRPC_HOST = '127.0.0.1';

  @Type(() => Number)
  @Max(65535, { message: 'must be from 0 to 65535' })
  @Min(0, { message: 'must be from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  GRPC_PORT = 0;

  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS?: string;
}

export const serviceVariables = [
  'DATABASE_URL',
  'GRPC_HOST',
  'GRPC_PORT',
  'KAFKA_BROKERS',
] as const;

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** A service's environment is invalid; `problems` names every bad variable. */
export class ConfigInvalidError extends TesseraError<'CONFIG_INVALID'> {
  readonly code = 'CONFIG_INVALID';

  constructor(
    service: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `the ${service}'s environment is invalid:\n${problems
        .map((problem) => `  ${problem.variable}: ${problem.message}`)
        .join('\n')}`,
    );
  }
}

/**
 * Reads `variables` from `environment` into `Environment` (empty values count as unset) and
 * validates them all, throwing `ConfigInvalidError` with every problem at once. `Environment` is
 * usually a `ServiceEnvironment`; a process that is not one service (the standalone process,
 * whose DATABASE_URL is optional) gives a class of its own.
 */
export function readEnvironment<E extends object>(
  service: string,
  Environment: ClassConstructor<E>,
  variables: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): E {
  const given = Object.fromEntries(
    variables.flatMap((name) => {
      const value = environment[name]?.trim();
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );
  const env = plainToInstance(Environment, given);
  const problems = validateSync(env, { stopAtFirstError: true }).map((error) => ({
    variable: error.property,
    message: Object.values(error.constraints ?? {}).join('; '),
  }));
  if (problems.length > 0) throw new ConfigInvalidError(service, problems);
  return env;
}
