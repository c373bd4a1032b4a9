import path from 'node:path';
import { readEnvironment } from '@tessera/api-kit/server';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, Matches, Max, Min, MinLength } from 'class-validator';

/** The standalone process's settings, read once from the environment at start. */
export interface StandaloneConfig {
  /** Absolute; holds the embedded Postgres (`postgres/`) and the saved admin token. */
  readonly dataDir: string;
  /** Where the gateway's REST API listens. */
  readonly httpHost: string;
  /** 0 picks a free port. */
  readonly httpPort: number;
  /** Where the gateway's public gRPC API listens, on the same host; 0 picks a free port. */
  readonly grpcPort: number;
  /** The bootstrap admin token; unset, the one saved in the data folder (or a new one). */
  readonly adminToken: string | undefined;
  /** An external Postgres instead of the embedded one; its database is used as it is. */
  readonly databaseUrl: string | undefined;
  /** Real Kafka instead of the Postgres-log transport. */
  readonly kafkaBrokers: readonly string[] | undefined;
  /** The demo lab imported into an empty inventory (`generateLab`, 10 devices per host). */
  readonly lab: { readonly seed: number; readonly hosts: number };
}

/** The variables as the environment gives them; each reports its first failed check only. */
class StandaloneEnvironment {
  @IsNotEmpty({ message: 'must be a folder' })
  TESSERA_DATA_DIR = '.tessera';

  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be an IPv4 address or a host name' })
  TESSERA_HTTP_HOST = '127.0.0.1';

  @Type(() => Number)
  @Max(65535, { message: 'must be from 0 to 65535' })
  @Min(0, { message: 'must be from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  TESSERA_HTTP_PORT = 8080;

  @Type(() => Number)
  @Max(65535, { message: 'must be from 0 to 65535' })
  @Min(0, { message: 'must be from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  TESSERA_GRPC_PORT = 50060;

  @IsOptional()
  @Matches(/^\S+$/, { message: 'must not contain white space' })
  @MinLength(16, { message: 'must be at least 16 characters' })
  TESSERA_ADMIN_TOKEN?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS?: string;

  @Type(() => Number)
  @Max(2_147_483_647, { message: 'must be from 0 to 2147483647' })
  @Min(0, { message: 'must be from 0 to 2147483647' })
  @IsInt({ message: 'must be an integer' })
  TESSERA_LAB_SEED = 7;

  @Type(() => Number)
  @Max(2_000, { message: 'must be from 1 to 2000' })
  @Min(1, { message: 'must be from 1 to 2000' })
  @IsInt({ message: 'must be an integer number of hosts' })
  TESSERA_LAB_HOSTS = 24;
}

const variables = [
  'TESSERA_DATA_DIR',
  'TESSERA_HTTP_HOST',
  'TESSERA_HTTP_PORT',
  'TESSERA_GRPC_PORT',
  'TESSERA_ADMIN_TOKEN',
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'TESSERA_LAB_SEED',
  'TESSERA_LAB_HOSTS',
] as const;

/**
 * Reads and validates every variable the standalone process uses, failing once with all the
 * problems (`ConfigInvalidError`). A relative TESSERA_DATA_DIR is resolved against `cwd`.
 * Nothing else in the process reads `process.env`.
 */
export function loadStandaloneConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): StandaloneConfig {
  const env = readEnvironment('standalone process', StandaloneEnvironment, variables, environment);
  return {
    dataDir: path.resolve(cwd, env.TESSERA_DATA_DIR),
    httpHost: env.TESSERA_HTTP_HOST,
    httpPort: env.TESSERA_HTTP_PORT,
    grpcPort: env.TESSERA_GRPC_PORT,
    adminToken: env.TESSERA_ADMIN_TOKEN,
    databaseUrl: env.DATABASE_URL,
    kafkaBrokers: env.KAFKA_BROKERS?.split(','),
    lab: { seed: env.TESSERA_LAB_SEED, hosts: env.TESSERA_LAB_HOSTS },
  };
}
