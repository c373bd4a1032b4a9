import { TesseraError } from '@tessera/errors';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/** The inventory service's settings, read once from the environment at boot. */
export interface InventoryConfig {
  readonly databaseUrl: string;
  /** The address the gRPC server listens on. */
  readonly grpcHost: string;
  /** 0 picks a free port (tests). */
  readonly grpcPort: number;
  /** Publish events to Kafka through the outbox relay; without brokers nothing is published. */
  readonly kafkaBrokers: readonly string[] | undefined;
  /** Whether Redfish sources are resynced on their intervals (the loop is wired separately). */
  readonly syncEnabled: boolean;
}

/**
 * The variables, as the environment gives them; empty optional variables count as unset. Each
 * reports its first failed check only; checks run bottom-up, the most basic one first.
 */
class InventoryEnvironment {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  @IsNotEmpty({ message: 'is required: a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be an IPv4 address or a host name' })
  GRPC_HOST = '127.0.0.1';

  @Type(() => Number)
  @Max(65535, { message: 'must be from 0 to 65535' })
  @Min(0, { message: 'must be from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  GRPC_PORT = 50061;

  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS?: string;

  @IsIn(['true', 'false'], { message: 'must be true or false' })
  INVENTORY_SYNC_ENABLED = 'true';
}

const variables = [
  'DATABASE_URL',
  'GRPC_HOST',
  'GRPC_PORT',
  'KAFKA_BROKERS',
  'INVENTORY_SYNC_ENABLED',
] as const;

/** The environment is invalid; `problems` names every bad variable. */
export class InventoryConfigInvalidError extends TesseraError<'CONFIG_INVALID'> {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `the inventory's environment is invalid:\n${problems
        .map((problem) => `  ${problem.variable}: ${problem.message}`)
        .join('\n')}`,
    );
  }
}

/**
 * Reads and validates every variable the service uses, failing once with all the problems.
 * Nothing else in the service reads `process.env`.
 */
export function loadInventoryConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): InventoryConfig {
  const given = Object.fromEntries(
    variables.flatMap((name) => {
      const value = environment[name]?.trim();
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );
  const env = plainToInstance(InventoryEnvironment, given);
  const problems = validateSync(env, { stopAtFirstError: true }).map((error) => ({
    variable: error.property,
    message: Object.values(error.constraints ?? {}).join('; '),
  }));
  if (problems.length > 0) throw new InventoryConfigInvalidError(problems);
  return {
    databaseUrl: env.DATABASE_URL,
    grpcHost: env.GRPC_HOST,
    grpcPort: env.GRPC_PORT,
    kafkaBrokers: env.KAFKA_BROKERS?.split(','),
    syncEnabled: env.INVENTORY_SYNC_ENABLED === 'true',
  };
}
