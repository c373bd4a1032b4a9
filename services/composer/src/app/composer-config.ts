import { hostname } from 'node:os';
import { TesseraError } from '@tessera/errors';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';

/** The composer service's settings, read once from the environment at boot. */
export interface ComposerConfig {
  readonly databaseUrl: string;
  /** The address the gRPC server listens on. */
  readonly grpcHost: string;
  /** 0 picks a free port (tests). */
  readonly grpcPort: number;
  /**
   * Kafka brokers for the composer topic (intents out) and fleet's topic (observations in);
   * without them the Postgres-log transport in the same database carries both (standalone).
   */
  readonly kafkaBrokers: readonly string[] | undefined;
  /** This process's identity: the owner of every ledger reservation it makes. */
  readonly ownerId: string;
}

/**
 * The variables, as the environment gives them; empty optional variables count as unset. Each
 * reports its first failed check only; checks run bottom-up, the most basic one first.
 */
class ComposerEnvironment {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  @IsNotEmpty({ message: 'is required: a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be an IPv4 address or a host name' })
  GRPC_HOST = '127.0.0.1';

  @Type(() => Number)
  @Max(65535, { message: 'must be from 0 to 65535' })
  @Min(0, { message: 'must be from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  GRPC_PORT = 50062;

  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
    message: 'must be 1-100 of A-Z, a-z, 0-9, ".", "_", ":" and "-"',
  })
  COMPOSER_OWNER_ID?: string;
}

const variables = [
  'DATABASE_URL',
  'GRPC_HOST',
  'GRPC_PORT',
  'KAFKA_BROKERS',
  'COMPOSER_OWNER_ID',
] as const;

/** The environment is invalid; `problems` names every bad variable. */
export class ComposerConfigInvalidError extends TesseraError<'CONFIG_INVALID'> {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `the composer's environment is invalid:\n${problems
        .map((problem) => `  ${problem.variable}: ${problem.message}`)
        .join('\n')}`,
    );
  }
}

/** Without COMPOSER_OWNER_ID a process is `composer-<host name>-<pid>`: unique while it runs. */
export function defaultOwnerId(): string {
  return `composer-${hostname().replace(/[^A-Za-z0-9.-]/g, '-')}-${process.pid}`;
}

/**
 * Reads and validates every variable the service uses, failing once with all the problems.
 * Nothing else in the service reads `process.env`.
 */
export function loadComposerConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
  ownerIdDefault: () => string = defaultOwnerId,
): ComposerConfig {
  const given = Object.fromEntries(
    variables.flatMap((name) => {
      const value = environment[name]?.trim();
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );
  const env = plainToInstance(ComposerEnvironment, given);
  const problems = validateSync(env, { stopAtFirstError: true }).map((error) => ({
    variable: error.property,
    message: Object.values(error.constraints ?? {}).join('; '),
  }));
  if (problems.length > 0) throw new ComposerConfigInvalidError(problems);
  return {
    databaseUrl: env.DATABASE_URL,
    grpcHost: env.GRPC_HOST,
    grpcPort: env.GRPC_PORT,
    kafkaBrokers: env.KAFKA_BROKERS?.split(','),
    ownerId: env.COMPOSER_OWNER_ID ?? ownerIdDefault(),
  };
}
