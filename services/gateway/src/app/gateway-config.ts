import { readEnvironment, ServiceEnvironment, serviceVariables } from '@tessera/api-kit/server';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
} from 'class-validator';

/** How the gateway verifies OIDC bearer tokens: the issuer's keys and the claims it reads. */
export interface OidcConfig {
  /** The `iss` every accepted token carries. */
  readonly issuer: string;
  /** The `aud` every accepted token carries. */
  readonly audience: string;
  /** Where the issuer's signing keys are; unset, read from its OpenID discovery document. */
  readonly jwksUrl: string | undefined;
  /** The claim listing the caller's grants as `role:tenant` strings (`operator:finance`, `admin:*`). */
  readonly rolesClaim: string;
}

/** The gateway's settings, read once from the environment at boot. */
export interface GatewayConfig {
  /** The gateway's own database: API tokens and the event feed (its schema `gateway`). */
  readonly databaseUrl: string;
  /**
   * Kafka brokers to read the services' events from; without them, the Postgres log in the
   * gateway's database (standalone, where every service shares one database).
   */
  readonly kafkaBrokers?: readonly string[] | undefined;
  /** The address the public gRPC API listens on (GRPC_HOST). */
  readonly grpcHost: string;
  /** 0 picks a free port (GRPC_PORT, default 50060). */
  readonly grpcPort: number;
  /** The address the REST API listens on. */
  readonly httpHost: string;
  /** 0 picks a free port (tests). */
  readonly httpPort: number;
  /** `host:port` of the inventory service's gRPC API. */
  readonly inventoryUrl: string;
  /** `host:port` of the composer service's gRPC API. */
  readonly composerUrl: string;
  /**
   * A token that is always an admin of every tenant (the first admin token); stored as a hash
   * under the name `bootstrap-admin`. Without it, only tokens already issued work.
   */
  readonly adminToken: string | undefined;
  /** OIDC bearer tokens are accepted only when an issuer is configured. */
  readonly oidc: OidcConfig | undefined;
}

/** The gateway's variables beside those every service reads. */
class GatewayEnvironment extends ServiceEnvironment {
  override GRPC_PORT = 50060;

  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be an IPv4 address or a host name' })
  HTTP_HOST = '127.0.0.1';

  @Type(() => Number)
  @Max(65535, { message: 'must be from 0 to 65535' })
  @Min(0, { message: 'must be from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  HTTP_PORT = 8080;

  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { message: 'must be host:port' })
  @IsNotEmpty({ message: 'is required: the inventory service as host:port' })
  INVENTORY_GRPC_URL!: string;

  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { message: 'must be host:port' })
  @IsNotEmpty({ message: 'is required: the composer service as host:port' })
  COMPOSER_GRPC_URL!: string;

  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters' })
  GATEWAY_ADMIN_TOKEN?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'must be a URL' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  OIDC_AUDIENCE?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'must be a URL' })
  OIDC_JWKS_URL?: string;

  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'must be a claim name' })
  OIDC_ROLES_CLAIM = 'tessera_roles';
}

const variables = [
  ...serviceVariables,
  'HTTP_HOST',
  'HTTP_PORT',
  'INVENTORY_GRPC_URL',
  'COMPOSER_GRPC_URL',
  'GATEWAY_ADMIN_TOKEN',
  'OIDC_ISSUER',
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URL',
  'OIDC_ROLES_CLAIM',
] as const;

/**
 * Reads and validates every variable the gateway uses, failing once with all the problems
 * (`ConfigInvalidError`). Nothing else in the gateway reads `process.env`.
 */
export function loadGatewayConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): GatewayConfig {
  const env = readEnvironment('gateway', GatewayEnvironment, variables, environment);
  return {
    databaseUrl: env.DATABASE_URL,
    kafkaBrokers: env.KAFKA_BROKERS?.split(','),
    grpcHost: env.GRPC_HOST,
    grpcPort: env.GRPC_PORT,
    httpHost: env.HTTP_HOST,
    httpPort: env.HTTP_PORT,
    inventoryUrl: env.INVENTORY_GRPC_URL,
    composerUrl: env.COMPOSER_GRPC_URL,
    adminToken: env.GATEWAY_ADMIN_TOKEN,
    oidc: oidcOf(env),
  };
}

function oidcOf(env: GatewayEnvironment): OidcConfig | undefined {
  if (env.OIDC_ISSUER === undefined) return undefined;
  const issuer = env.OIDC_ISSUER.replace(/\/$/, '');
  return {
    issuer,
    audience: env.OIDC_AUDIENCE ?? 'tessera',
    jwksUrl: env.OIDC_JWKS_URL,
    rolesClaim: env.OIDC_ROLES_CLAIM,
  };
}
