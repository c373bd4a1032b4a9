import { hostname } from 'node:os';
import { readEnvironment, ServiceEnvironment, serviceVariables } from '@tessera/api-kit/server';
import { IsOptional, Matches } from 'class-validator';

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

/** The composer's variables beside those every service reads. */
class ComposerEnvironment extends ServiceEnvironment {
  override GRPC_PORT = 50062;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
    message: 'must be 1-100 of A-Z, a-z, 0-9, ".", "_", ":" and "-"',
  })
  COMPOSER_OWNER_ID?: string;
}

const variables = [...serviceVariables, 'COMPOSER_OWNER_ID'] as const;

/** Without COMPOSER_OWNER_ID a process is `composer-<host name>-<pid>`: unique while it runs. */
export function defaultOwnerId(): string {
  return `composer-${hostname().replace(/[^A-Za-z0-9.-]/g, '-')}-${process.pid}`;
}

/**
 * Reads and validates every variable the service uses, failing once with all the problems
 * (`ConfigInvalidError`). Nothing else in the service reads `process.env`.
 */
export function loadComposerConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
  ownerIdDefault: () => string = defaultOwnerId,
): ComposerConfig {
  const env = readEnvironment('composer', ComposerEnvironment, variables, environment);
  return {
    databaseUrl: env.DATABASE_URL,
    grpcHost: env.GRPC_HOST,
    grpcPort: env.GRPC_PORT,
    kafkaBrokers: env.KAFKA_BROKERS?.split(','),
    ownerId: env.COMPOSER_OWNER_ID ?? ownerIdDefault(),
  };
}
